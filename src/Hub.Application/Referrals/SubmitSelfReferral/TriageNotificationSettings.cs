namespace Hub.Application.Referrals.SubmitSelfReferral;

/// <summary>
/// Where to tell the triage team that a request has arrived (<c>Hub:Notifications:TriageInbox</c>),
/// and the hub's address for the link. The email carries the reference only, never the person's
/// details. No inbox set: no email.
/// </summary>
public sealed record TriageNotificationSettings(string? TriageInbox, string PublicBaseUrl);
