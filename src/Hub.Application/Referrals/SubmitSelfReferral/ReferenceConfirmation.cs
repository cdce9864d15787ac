using Hub.Application.Common.Interfaces;
using Hub.Domain.People;

namespace Hub.Application.Referrals.SubmitSelfReferral;

/// <summary>
/// The message that confirms a self-referral's reference to the person, and the one place that
/// chooses how it goes. A confirmation goes only by the way the person asked us to contact them,
/// and only when they said messages are safe: anyone who might see a message from the hub is the
/// person's to judge, not ours. It carries the reference and the next step, nothing the person told
/// us. Email and text go through the outbox, written in the same transaction as the referral.
/// </summary>
public static class ReferenceConfirmation
{
    public const string Purpose = "self-referral-confirmation";

    /// <summary>How the confirmation goes, if at all: by email when they chose email, by text to a mobile when they chose texts (GOV.UK Notify).</summary>
    public static ConfirmationChannel ChannelFor(ContactDetails contact) => contact switch
    {
        { SafeToLeaveMessage: not true } => ConfirmationChannel.None,
        { PreferredMethod: ContactMethod.Email, Email: { Length: > 0 } } => ConfirmationChannel.Email,
        _ when Common.Messaging.MessageRoute.TextTo(contact) is not null => ConfirmationChannel.Text,
        _ => ConfirmationChannel.None,
    };

    public static OutgoingEmail Email(string to, string reference, ReferenceConfirmationSettings settings)
    {
        var call = settings.HubPhone is { Length: > 0 } phone
            ? $"If you would rather talk, call us on {phone} (Monday to Friday, 9am to 5pm) and give your reference."
            : "If you call us, give your reference.";
        var body =
            $"Thank you for contacting the {settings.HubName}.\n\n" +
            $"Your reference is {reference}\n\n" +
            "What happens next\n" +
            "Someone from the hub team will email you within 2 working days to arrange a conversation about what matters to you.\n" +
            $"{call}\n\n" +
            "If you need help now\n" +
            "Call 999 if your life or someone else's is at risk. For urgent mental health help, call NHS 111 and choose option 2, " +
            "or call Samaritans on 116 123 (free, any time).\n\n" +
            "You are getting this email because you asked us to contact you by email and said messages are safe.";
        return new OutgoingEmail(to, $"Your request to the {settings.HubName}: reference {reference}", body, Purpose);
    }
}

public enum ConfirmationChannel
{
    None,
    Email,
    Text,
}

/// <summary>What the confirmation says about the hub: its name (<c>Hub:Name</c>) and number (<c>Hub:HubPhone</c>).</summary>
public sealed record ReferenceConfirmationSettings(string HubName, string? HubPhone);
