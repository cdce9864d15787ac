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
        await client.ConnectAsync(settings.Host!, settings.Port, settings.SecureSocket, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
