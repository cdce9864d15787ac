using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Space;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.MySpace.AddSpaceGoal;

/// <summary>The person writes a goal in their own words, and may rate it straight away.</summary>
public sealed record AddSpaceGoal(string? Words) : IRequest<Guid>;

public sealed class AddSpaceGoalValidator : AbstractValidator<AddSpaceGoal>
{
    public AddSpaceGoalValidator() =>
        RuleFor(c => c.Words).NotEmpty().WithMessage("Write your goal in your own words")
            .SafeText("Your goal", SpaceGoal.WordsMaxLength, multiline: false, storedMax: SpaceGoal.WordsMaxLength);
}

public sealed class AddSpaceGoalHandler(IApplicationDbContext db, ICurrentSpaceMember current, TimeProvider clock) : IRequestHandler<AddSpaceGoal, Guid>
{
    public async Task<Guid> Handle(AddSpaceGoal request, CancellationToken cancellationToken)
    {
        var memberId = current.Required();
        if (await db.SpaceGoals.CountAsync(g => g.MemberId == memberId && g.RemovedAt == null, cancellationToken) >= SpaceGoal.MaxGoals)
        {
            throw Refuse.Because(nameof(AddSpaceGoal.Words), $"You can have up to {SpaceGoal.MaxGoals} goals. Remove one you have finished with first");
        }
        var goal = new SpaceGoal(memberId, request.Words, clock.GetUtcNow());
        db.SpaceGoals.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return goal.Id;
    }
}
