using FluentValidation;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Space;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.MySpace.RateSpaceGoal;

/// <summary>The person rates one of their goals from 0 to 10 (or removes it). A goal id from the form is looked up with the signed-in space: anyone else's reads as not found.</summary>
public sealed record RateSpaceGoal(Guid GoalId, int? Rating, bool Remove = false) : IRequest<Unit>;

public sealed class RateSpaceGoalValidator : AbstractValidator<RateSpaceGoal>
{
    public RateSpaceGoalValidator() =>
        RuleFor(c => c.Rating).NotNull().WithMessage("Choose a number from 0 to 10")
            .InclusiveBetween(SpaceGoalRating.Lowest, SpaceGoalRating.Highest).WithMessage("Choose a number from 0 to 10")
            .When(c => !c.Remove);
}

public sealed class RateSpaceGoalHandler(IApplicationDbContext db, ICurrentSpaceMember current, TimeProvider clock) : IRequestHandler<RateSpaceGoal, Unit>
{
    public async Task<Unit> Handle(RateSpaceGoal request, CancellationToken cancellationToken)
    {
        var memberId = current.Required();
        var goal = await db.SpaceGoals.FirstOrDefaultAsync(g => g.Id == request.GoalId && g.MemberId == memberId && g.RemovedAt == null, cancellationToken)
            ?? throw new NotFoundException("The goal");
        if (request.Remove)
        {
            goal.Remove(clock.GetUtcNow());
        }
        else
        {
            db.SpaceGoalRatings.Add(goal.Rate(request.Rating!.Value, clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
