using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MyPlan.CheckInMyMood;

/// <summary>The person says how they are feeling (1 to 5) and, if they like, a few words.</summary>
public sealed record CheckInMyMood(int? Mood, string? Words) : IRequest<Unit>;

public sealed class CheckInMyMoodValidator : AbstractValidator<CheckInMyMood>
{
    public CheckInMyMoodValidator()
    {
        RuleFor(c => c.Mood).NotNull().WithMessage("Choose how you are feeling")
            .InclusiveBetween(MoodCheckIn.Lowest, MoodCheckIn.Highest).WithMessage("Choose how you are feeling");
        RuleFor(c => c.Words).SafeText("Your words", MoodCheckIn.WordsMaxLength, multiline: true, storedMax: MoodCheckIn.WordsMaxLength);
    }
}

public sealed class CheckInMyMoodHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<CheckInMyMood, Unit>
{
    public async Task<Unit> Handle(CheckInMyMood request, CancellationToken cancellationToken)
    {
        var personId = person.PersonId ?? throw new ForbiddenAccessException();
        var planId = await db.SupportPlans.Where(p => p.PersonId == personId).OrderByDescending(p => p.UpdatedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Your plan");
        var checkIn = new MoodCheckIn(personId, planId, request.Mood!.Value, request.Words, clock.GetUtcNow());
        db.MoodCheckIns.Add(checkIn);
        audit.Record(AuditAction.Create, personId, nameof(MoodCheckIn), checkIn.Id, "Person: mood check-in");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
