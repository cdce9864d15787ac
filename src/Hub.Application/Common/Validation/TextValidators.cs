using FluentValidation;
using Hub.Domain.Common;

namespace Hub.Application.Common.Validation;

/// <summary>Shared rules for free text, with messages a person can act on.</summary>
public static class TextValidators
{
    /// <summary>
    /// Free text of at most <paramref name="max"/> characters, no hidden control characters.
    /// <paramref name="storedMax"/> is the column's size where it holds fewer than the 2 x max code
    /// units a person's text may take (emoji and combining accents take two or more each).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SafeText<T>(this IRuleBuilder<T, string?> rule, string fieldName, int max, bool multiline, int? storedMax = null)
    {
        return rule
            .Must(v => TextRules.FitsWithin(TextRules.Clean(v), max))
                .WithMessage($"{fieldName} must be {max:N0} characters or fewer")
            .Must(v => storedMax is null || (TextRules.Clean(v)?.Length ?? 0) <= storedMax)
                .WithMessage($"{fieldName} is too long to keep. Shorten it: emoji and some accented letters take up more room")
            .Must(v => !TextRules.HasForbiddenCharacters(TextRules.Clean(v), multiline))
                .WithMessage(multiline
                    ? $"{fieldName} contains hidden characters we cannot store. Try typing it again rather than pasting it"
                    : $"{fieldName} must be on one line and must not contain hidden characters");
    }
}
