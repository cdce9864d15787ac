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

namespace Hub.Application.SupportPlans.Person;

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

/// <summary>The person turns reminders of their review date on or off.</summary>
public sealed record SetMyReminder(Guid PlanId, bool RemindMe) : IRequest<Unit>;

public sealed class SetMyReminderHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit) : IRequestHandler<SetMyReminder, Unit>
{
    public async Task<Unit> Handle(SetMyReminder request, CancellationToken cancellationToken)
    {
        var plan = await db.OwnPlan(person, request.PlanId, cancellationToken);
        plan.SetRemindMe(request.RemindMe);
        audit.Record(AuditAction.Update, plan.PersonId, nameof(SupportPlan), plan.Id, "Person: review reminders");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Someone asks for a new link to their plan with the email address they gave. The answer is the
/// same whether or not the address is known, so nobody can learn who uses the hub from it.
/// </summary>
public sealed record RequestPlanLink(string? Email) : IRequest<Unit>;

public sealed class RequestPlanLinkValidator : AbstractValidator<RequestPlanLink>
{
    public RequestPlanLinkValidator() =>
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the email address you gave us")
            .Must(e => e is null || (e.Length <= 254 && e.Contains('@', StringComparison.Ordinal) && !Domain.Common.TextRules.HasForbiddenCharacters(e, allowLineBreaks: false)))
            .WithMessage("Enter an email address, like name@example.com");
}

public sealed class RequestPlanLinkHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock, IEmailOutbox outbox, Common.HubAddress address)
    : IRequestHandler<RequestPlanLink, Unit>
{
    public async Task<Unit> Handle(RequestPlanLink request, CancellationToken cancellationToken)
    {
        var key = ContactDetails.NormaliseEmail(request.Email);
        var people = await db.People.Where(p => p.EmailKey == key && p.MergedIntoPersonId == null && db.SupportPlans.Any(s => s.PersonId == p.Id))
            .Select(p => new { p.Id, p.PreferredName, p.Contact }).Take(3).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var found in people)
        {
            var (link, token) = PlanAccessLink.Issue(found.Id, null, now);
            db.PlanAccessLinks.Add(link);
            outbox.Enqueue(PlanLinkEmail.For(found.Contact.Email!, found.PreferredName, address.Link("/my/link/" + token)));
            audit.Record(AuditAction.Create, found.Id, nameof(PlanAccessLink), link.Id, "Person: asked for a new link");
        }
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The sign-in email: no service named in the subject, no clinical words, the urgent numbers at the end.</summary>
public static class PlanLinkEmail
{
    public static OutgoingEmail For(string to, string? name, string link) => new(to, "Your plan: a link to open it",
        $"{(name is null ? "Hello" : "Hello " + name)},\n\n" +
        $"Here is your link to open your plan: {link}\n\n" +
        "It works once, for 24 hours. If it has run out, ask for a new one on the page it opens, or ask whoever supports you.\n\n" +
        "If you need help urgently, call 999, or NHS 111 and choose option 2. Samaritans are there day and night on 116 123.\n",
        "plan-link");
}
