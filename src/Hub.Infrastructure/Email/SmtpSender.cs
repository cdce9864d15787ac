using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Hub.Infrastructure.Email;

/// <summary>Sends one message over SMTP.</summary>
public interface ISmtpSender
{
    bool IsConfigured { get; }

    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

internal sealed class SmtpSender(IOptions<SmtpSettings> options) : ISmtpSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }
        using var mail = new MailMessage(settings.From, message.To, message.Subject, message.Body) { IsBodyHtml = false };
        // The outbox id as Message-ID lets a receiving system spot the rare duplicate (a crash
        // between the server accepting the message and us marking it sent).
        mail.Headers.Add("Message-ID", $"<{message.Id:N}@livingwellhub.invalid>");
        await client.SendMailAsync(mail, cancellationToken);
    }
}
