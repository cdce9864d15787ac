using Hub.Domain.People;

namespace Hub.Application.Common.Messaging;

/// <summary>
/// How a message may reach a person, by their own choices: a text only when they gave a mobile
/// number, chose texts and said messages are safe; otherwise an email when they gave an address
/// and did not say messages are unsafe; otherwise nothing, with the reason and what staff can do.
/// </summary>
public sealed record MessageRoute(MessageChannel? Channel, string? To, string? WhyNot)
{
    public static MessageRoute For(ContactDetails contact)
    {
        if (contact.WhyNoText() is not { } noText)
        {
            return new(MessageChannel.Text, contact.Phone, null);
        }
        if (contact.Email is { } email && contact.SafeToLeaveMessage != false)
        {
            return new(MessageChannel.Email, email, null);
        }
        var why = noText switch
        {
            NoTextReason.NotSafe when contact.SafeToLeaveMessage == false => "They told us messages are not safe for them, so nothing is sent by text or email.",
            NoTextReason.NotSafe => "They have not told us that messages are safe for them, so nothing is sent by text.",
            NoTextReason.DidNotChooseTexts when contact.Email is not null => "They told us messages are not safe for them, so nothing is sent by email.",
            NoTextReason.DidNotChooseTexts => "They asked to be reached another way than by text, and have not given an email address.",
            _ when contact.Email is not null => "They told us messages are not safe for them, so nothing is sent by email.",
            _ => "They have given neither an email address nor a mobile number.",
        };
        return new(null, null, why + " Give them a printed code when you meet, or show them their plan in person.");
    }

    /// <summary>A text only (for texts that have no email form here): null when the person's choices do not allow one.</summary>
    public static string? TextTo(ContactDetails contact) => contact.WhyNoText() is null ? contact.Phone : null;

    /// <summary>The first name only, and only for a person who said messages are safe.</summary>
    public static string? FirstName(string? preferredName, ContactDetails contact) =>
        contact.SafeToLeaveMessage == true && preferredName?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : null;
}
