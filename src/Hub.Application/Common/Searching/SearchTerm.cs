using Hub.Domain.People;
using Hub.Domain.Referrals;

namespace Hub.Application.Common.Searching;

/// <summary>What a search box holds: a reference, a phone number, an email address or part of a name.</summary>
public enum SearchKind
{
    Reference = 1,
    Phone = 2,
    Email = 3,
    Name = 4,
}

/// <summary>
/// One search box for the queues, read as the thing it looks like, normalised the way the stored
/// keys are (<see cref="Person.PhoneKey"/>, <see cref="Person.EmailKey"/>, <see cref="Person.NameKey"/>)
/// so that a search is an index look-up, not a scan.
/// </summary>
public sealed record SearchTerm(SearchKind Kind, string Value)
{
    public const int MaxLength = 100;
    public const int ShortestName = 2;

    /// <summary>The term, or null with a message for the person who typed it.</summary>
    public static SearchTerm? Read(string? typed, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var text = typed.Trim();
        if (ReferralReference.Normalise(text) is { } reference)
        {
            return new SearchTerm(SearchKind.Reference, reference);
        }
        if (text.Contains('@', StringComparison.Ordinal))
        {
            if (ContactDetails.NormaliseEmail(text) is { } email && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < email.Length - 1)
            {
                return new SearchTerm(SearchKind.Email, email);
            }
            problem = "Enter the whole email address, like name@example.com";
            return null;
        }
        var digits = text.Count(char.IsDigit);
        if (digits > 0 && text.All(c => char.IsDigit(c) || c is ' ' or '+' or '-' or '(' or ')'))
        {
            if (digits >= 6 && ContactDetails.NormalisePhone(text) is { } phone)
            {
                return new SearchTerm(SearchKind.Phone, phone);
            }
            problem = "Enter the whole phone number, like 07700 900 982, or a reference like K7MR-4TXH";
            return null;
        }
        if (Person.MakeNameKey(text) is { Length: >= ShortestName } name && name.Any(char.IsLetter))
        {
            return new SearchTerm(SearchKind.Name, name);
        }
        problem = "Enter a reference, a phone number, an email address or at least 2 letters of a name";
        return null;
    }

    /// <summary>A LIKE pattern finding the name anywhere in the stored name key, with LIKE's own characters escaped.</summary>
    public string ContainsPattern() => ContainsPatternFor(Value);

    /// <summary>A LIKE pattern (escape character <c>\</c>) finding <paramref name="text"/> anywhere, with LIKE's own characters escaped.</summary>
    public static string ContainsPatternFor(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public string Describe() => Kind switch
    {
        SearchKind.Reference => "reference",
        SearchKind.Phone => "phone",
        SearchKind.Email => "email",
        _ => "name",
    };
}
