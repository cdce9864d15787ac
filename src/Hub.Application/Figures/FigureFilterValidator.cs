using FluentValidation;

namespace Hub.Application.Figures;

public sealed class FigureFilterValidator : AbstractValidator<FigureFilter>
{
    public FigureFilterValidator()
    {
        RuleFor(f => f.To)
            .Must((f, to) => to >= f.From).WithMessage("The end of the period must be the same as or after its start");
        RuleFor(f => f)
            .Must(f => f.Days <= FigureFilter.LongestPeriodDays).OverridePropertyName(nameof(FigureFilter.To))
            .WithMessage("Choose a period of two years or less")
            .When(f => f.To >= f.From);
        RuleFor(f => f.Neighbourhood).MaximumLength(100).WithMessage("Neighbourhood must be 100 characters or fewer");
        RuleFor(f => f.TeamId).Null().When(f => f.Sector is not null).WithMessage("Choose a team or a sector, not both");
    }
}
