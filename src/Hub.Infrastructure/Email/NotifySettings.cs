namespace Hub.Infrastructure.Email;

/// <summary>
/// Settings under <c>Hub:Notify</c> for GOV.UK Notify (docs/decisions/030). Without an API key no
/// text is sent (texts wait in the outbox). The key, the callback token and the template ids are
/// configuration only: never logged, never stored with a message.
/// </summary>
public sealed class NotifySettings
{
    /// <summary>A Notify API key (<c>name-serviceId-secret</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Notify's API address; tests point it at a loopback stand-in.</summary>
    public string BaseUrl { get; set; } = "https://api.notifications.service.gov.uk";

    /// <summary>Send email through Notify's generic email template instead of SMTP.</summary>
    public bool SendEmail { get; set; }

    /// <summary>Template ids by key (<c>plan-link</c>, <c>referral-confirmation</c>, <c>review-reminder</c>, <c>meeting-reminder</c>, <c>way-back</c>, <c>group-page</c>, <c>email</c>).</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The bearer token Notify sends with delivery receipts (set in Notify's callback settings). Without it, receipts are refused.</summary>
    public string? CallbackBearerToken { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>Settings under <c>Hub:Outbox</c>.</summary>
public sealed class OutboxSettings
{
    /// <summary>Tries before a message that keeps failing is marked failed and shown to staff.</summary>
    public int MaxAttempts { get; set; } = 8;
}
