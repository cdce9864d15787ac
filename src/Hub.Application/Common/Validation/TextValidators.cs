using FluentValidation;
using Hub.Domain.Common;

namespace Hub.Application.Common.Validation;

/// <summary>Shared rules for free text, with messages a person can act on.</summary>
public static class TextValidators
{
    /// <summary>Free text of at most <paramref name="max"/> characters, no hidden control characters.</summary>
    public static IRuleBuilderOptions<T, string?> SafeText<T>(this IRuleBuilder<T, string?> rule, string fieldName, int max, bool multiline)
    {
        return rule
            .Must(v => TextRules.FitsWithin(TextRules.Clean(v), max))
                .WithMessage($"{fieldName} must be {max:N0} characters or fewer")
            .Must(v => !TextRules.HasForbiddenCharacters(TextRules.Clean(v), multiline))
                .WithMessage(multiline
                    ? $"{fieldName} contains hidden characters we cannot store. Try typing it again rather than pasting it"
                    : $"{fieldName} must be on one line and must not contain hidden characters");
    }
}
