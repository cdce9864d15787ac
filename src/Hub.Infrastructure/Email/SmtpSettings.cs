namespace Hub.Infrastructure.Email;

/// <summary>Settings under <c>Hub:Smtp</c>. With no host set, messages stay in the outbox unsent.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Living Well Hub <no-reply@livingwellhub.invalid>";
}
