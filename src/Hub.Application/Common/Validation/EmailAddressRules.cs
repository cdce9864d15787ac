using FluentValidation;
using Hub.Domain.People;
using MimeKit;

namespace Hub.Application.Common.Validation;

/// <summary>
/// One rule for every email address the hub will send to, judged by the mail library's own parser
/// (MimeKit, the one the sender uses), so an address accepted at entry is one that can be sent and
/// goes exactly where it reads. Refused: anything that parses to another mailbox than typed (a
/// display name such as <c>x&lt;someone@else.example&gt;</c>, a route, a group), anything that does
/// not parse, and the quoting and comment characters (<c>" ( ) &lt; &gt; [ ] , ; : \</c>) that are
/// only legal inside forms a person does not type.
/// </summary>
public static class EmailAddressRules
{
    public const int MaxLength = 254;

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    private static readonly char[] Forbidden = ['"', '(', ')', '<', '>', '[', ']', ',', ';', ':', '\\'];

    /// <summary>True when <paramref name="typed"/> (trimmed) is one plain mailbox that parses to itself.</summary>
    public static bool IsDeliverable(string? typed)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.IndexOfAny(Forbidden) >= 0
            || !ContactDetails.IsPlausibleEmail(text) || Domain.Common.TextRules.HasForbiddenCharacters(text, allowLineBreaks: false))
        {
            return false;
        }
        return MailboxAddress.TryParse(Strict, text, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Route.Count == 0
            && string.Equals(mailbox.Address, text, StringComparison.Ordinal);
    }

    /// <summary>The field, when given, must be an address the hub can send to exactly as typed.</summary>
    public static IRuleBuilderOptions<T, string?> DeliverableEmail<T>(this IRuleBuilder<T, string?> rule, string message = "Enter an email address in the correct format, like name@example.com") =>
        rule.Must(e => string.IsNullOrWhiteSpace(e) || IsDeliverable(e)).WithMessage(message);
}
