using FluentValidation;
using Hub.Application.Common.Validation;

namespace Hub.Application.Triage;

internal static class StaffNoteRules
{
    public const int NoteLimit = 2000;

    public static IRuleBuilderOptions<T, string?> StaffNote<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SafeText("The note", NoteLimit, multiline: true);

    public static IRuleBuilderOptions<T, DateTimeOffset> NotInTheFuture<T>(this IRuleBuilder<T, DateTimeOffset> rule, TimeProvider clock, string what) =>
        rule.Must(at => at <= clock.GetUtcNow().AddMinutes(5)).WithMessage($"{what} must not be in the future")
            .Must(at => at >= clock.GetUtcNow().AddYears(-1)).WithMessage($"{what} must be within the last year");
}
