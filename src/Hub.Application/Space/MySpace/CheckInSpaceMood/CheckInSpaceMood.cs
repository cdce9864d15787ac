using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Space;
using Hub.Domain.SupportPlans;
using MediatR;

namespace Hub.Application.Space.MySpace.CheckInSpaceMood;

/// <summary>The person says how they feel (1 to 5) and, if they like, a few words. Not scored, not judged.</summary>
public sealed record CheckInSpaceMood(int? Mood, string? Words) : IRequest<Unit>;

public sealed class CheckInSpaceMoodValidator : AbstractValidator<CheckInSpaceMood>
{
    public CheckInSpaceMoodValidator()
    {
        RuleFor(c => c.Mood).NotNull().WithMessage("Choose how you are feeling")
            .InclusiveBetween(MoodCheckIn.Lowest, MoodCheckIn.Highest).WithMessage("Choose how you are feeling");
        RuleFor(c => c.Words).SafeText("Your words", SpaceMoodCheckIn.WordsMaxLength, multiline: true, storedMax: SpaceMoodCheckIn.WordsMaxLength);
    }
}

public sealed class CheckInSpaceMoodHandler(IApplicationDbContext db, ICurrentSpaceMember current, TimeProvider clock) : IRequestHandler<CheckInSpaceMood, Unit>
{
    public async Task<Unit> Handle(CheckInSpaceMood request, CancellationToken cancellationToken)
    {
        db.SpaceMoodCheckIns.Add(new SpaceMoodCheckIn(current.Required(), request.Mood!.Value, request.Words, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
