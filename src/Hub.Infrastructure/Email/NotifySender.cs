using Microsoft.Extensions.Options;
using Notify.Client;

namespace Hub.Infrastructure.Email;

/// <summary>Sends one text (or email) through GOV.UK Notify and returns Notify's id for it.</summary>
public interface INotifySender
{
    bool IsConfigured { get; }

    /// <summary>Email goes through Notify instead of SMTP.</summary>
    bool SendsEmail { get; }

    Task<string> SendTextAsync(string mobile, string template, IReadOnlyDictionary<string, string> personalisation, string reference, CancellationToken cancellationToken);

    Task<string> SendEmailAsync(string address, string subject, string body, string reference, CancellationToken cancellationToken);
}

/// <summary>A template key with no id in <c>Hub:Notify:Templates</c>: a setup mistake staff are told about.</summary>
public sealed class MissingTemplateException(string template) : Exception($"No Notify template id is set for '{template}'")
{
    public string Template { get; } = template;
}

/// <summary>The official client (<c>GovukNotify</c>), one per process: it signs each request with a JWT made from the API key.</summary>
internal sealed class NotifySender(IOptions<NotifySettings> options) : INotifySender
{
    private readonly Lazy<NotificationClient> _client = new(() => new NotificationClient(options.Value.BaseUrl, options.Value.ApiKey));

    public bool IsConfigured => options.Value.IsConfigured;

    public bool SendsEmail => options.Value.SendEmail && IsConfigured;

    public async Task<string> SendTextAsync(string mobile, string template, IReadOnlyDictionary<string, string> personalisation, string reference, CancellationToken cancellationToken)
    {
        var response = await _client.Value.SendSmsAsync(mobile, TemplateId(template), Personalise(personalisation), reference);
        return response.id;
    }

    public async Task<string> SendEmailAsync(string address, string subject, string body, string reference, CancellationToken cancellationToken)
    {
        var personalisation = new Dictionary<string, string> { ["subject"] = subject, ["body"] = body };
        var response = await _client.Value.SendEmailAsync(address, TemplateId(Application.Common.Messaging.MessageTemplates.Email), Personalise(personalisation), reference);
        return response.id;
    }

    private string TemplateId(string template) =>
        options.Value.Templates.TryGetValue(template, out var id) && !string.IsNullOrWhiteSpace(id) ? id : throw new MissingTemplateException(template);

    private static Dictionary<string, dynamic> Personalise(IReadOnlyDictionary<string, string> values) => values.ToDictionary(v => v.Key, v => (dynamic)v.Value);
}
