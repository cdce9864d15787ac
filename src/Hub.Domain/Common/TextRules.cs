using System.Globalization;
using System.Text;

namespace Hub.Domain.Common;

/// <summary>
/// What counts as acceptable free text from a person or a member of staff. Emoji, accents and
/// right-to-left scripts are welcome; control characters (other than line breaks and tabs) and
/// invisible bidirectional overrides are not, because they can disguise what staff read.
/// </summary>
public static class TextRules
{
    /// <summary>Trims, normalises line endings and Unicode composition. Null or blank becomes null.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var normalised = value.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        return normalised.IsNormalized(NormalizationForm.FormC) ? normalised : normalised.Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when the text holds a character we refuse to store (see the type summary).</summary>
    public static bool HasForbiddenCharacters(string? value, bool allowLineBreaks)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\t')
            {
                if (!allowLineBreaks)
                {
                    return true;
                }
                continue;
            }

            if (rune.Value == '\r')
            {
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                if (!allowLineBreaks)
                {
                    return true;
                }
                continue;
            }

            if (category is UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                return true;
            }

            // Bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) can
            // make text read differently from how it is stored.
            if (rune.Value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether text fits a limit of <paramref name="max"/> characters: counted as a person counts
    /// (an emoji is one), and bounded in stored code units too, since columns hold 2 x max.
    /// </summary>
    public static bool FitsWithin(string? value, int max) =>
        VisibleLength(value) <= max && (value?.Length ?? 0) <= 2 * max;

    /// <summary>Length as a person counts it (text elements), so an emoji counts as one.</summary>
    public static int VisibleLength(string? value) =>
        value is null ? 0 : new StringInfo(value).LengthInTextElements;
}
