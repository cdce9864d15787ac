namespace Hub.Application.Space.Sharing;

/// <summary>
/// The space also signed in on this browser, read by the page from the space cookie (never from a
/// form), when the person acts from their plan. Both sign-ins together are the proof that the plan
/// and the space are the same person's.
/// </summary>
public sealed record SpaceSignedIn(Guid SessionId, Guid MemberId);
