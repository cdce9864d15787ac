using MailKit.Security;

namespace Hub.Infrastructure.Email;

/// <summary>Settings under <c>Hub:Smtp</c>. With no host set, messages stay in the outbox unsent.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>STARTTLS required (true) or used when the relay offers it (false, the default).</summary>
    public bool EnableSsl { get; set; }

    /// <summary>
    /// Overrides <see cref="EnableSsl"/> with one of MailKit's options: <c>StartTls</c>,
    /// <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> (port 465), <c>Auto</c> or <c>None</c>.
    /// </summary>
    public SecureSocketOptions? Security { get; set; }

    /// <summary>
    /// A PEM file with the relay's own certificate or the private CA that issued it, for a relay
    /// whose certificate the machine does not trust; the host name must still match.
    /// </summary>
    public string? TrustedCertificatePath { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Living Well Hub <no-reply@livingwellhub.invalid>";

    internal SecureSocketOptions SecureSocket => Security ?? (EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable);
}
