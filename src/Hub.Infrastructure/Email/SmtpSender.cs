using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Hub.Infrastructure.Email;

/// <summary>Sends one message over SMTP.</summary>
public interface ISmtpSender
{
    bool IsConfigured { get; }

    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit over SMTP (docs/decisions/022): STARTTLS as configured, then authentication when a user name is set.</summary>
internal sealed class SmtpSender(IOptions<SmtpSettings> options) : ISmtpSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mail = new MimeMessage
        {
            Subject = message.Subject,
            // The outbox id as Message-ID lets a receiving system spot the rare duplicate (a crash
            // between the server accepting the message and us marking it sent).
            MessageId = $"{message.Id:N}@livingwellhub.invalid",
            Body = new TextPart(TextFormat.Plain) { Text = message.Body },
        };
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(MailboxAddress.Parse(message.To));

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(60).TotalMilliseconds };
        if (settings.TrustedCertificatePath is { Length: > 0 } trusted)
        {
            var anchor = X509CertificateLoader.LoadCertificateFromFile(trusted);
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IssuedBy(certificate, errors, anchor);
        }
        await client.ConnectAsync(settings.Host!, settings.Port, settings.SecureSocket, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>The usual checks, except that the chain may end at the configured certificate instead of a system root.</summary>
    private static bool IssuedBy(System.Security.Cryptography.X509Certificates.X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 anchor)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false; // no certificate, or a name that does not match: never accepted
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
