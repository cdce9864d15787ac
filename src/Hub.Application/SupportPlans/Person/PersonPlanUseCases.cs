using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Application.Conversations;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Person;

/// <summary>Turns a sign-in link into a session, once. The token is looked up by its hash only.</summary>
public sealed record ExchangePlanLink(string? Token) : IRequest<ExchangeResult>;

/// <param name="Problem">Why the link did not work (null when it did); a forged or unknown link reads as expired.</param>
public sealed record ExchangeResult(Guid? SessionId, Guid? PersonId, LinkProblem? Problem);

public sealed class ExchangePlanLinkHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock) : IRequestHandler<ExchangePlanLink, ExchangeResult>
{
    public async Task<ExchangeResult> Handle(ExchangePlanLink request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 100)
        {
            return new ExchangeResult(null, null, LinkProblem.Expired);
        }
        var hash = PlanAccessLink.Hash(request.Token.Trim());
        var link = await db.PlanAccessLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (link is null)
        {
            return new ExchangeResult(null, null, LinkProblem.Expired);
        }
        if (link.ProblemAt(now) is { } problem)
        {
            audit.Record(AuditAction.Denied, link.PersonId, nameof(PlanAccessLink), link.Id, $"Person: link refused ({problem})");
            await db.SaveChangesAsync(cancellationToken);
            return new ExchangeResult(null, null, problem);
        }
        var session = link.Use(now);
        db.PersonSessions.Add(session);
        audit.Record(AuditAction.Create, link.PersonId, nameof(PersonSession), session.Id, "Person: signed in from link");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.DiscardChanges();
            return new ExchangeResult(null, null, LinkProblem.AlreadyUsed);
        }
        return new ExchangeResult(session.Id, link.PersonId, null);
    }
}

/// <summary>Whether a person's session is still good (not ended, revoked, idle or too old); notes that it was used.</summary>
public sealed record CheckPersonSession(Guid SessionId) : IRequest<bool>;

public sealed class CheckPersonSessionHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CheckPersonSession, bool>
{
    public async Task<bool> Handle(CheckPersonSession request, CancellationToken cancellationToken)
    {
        var session = await db.PersonSessions.FirstOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken);
        var now = clock.GetUtcNow();
        if (session is null || !session.IsActiveAt(now))
        {
            return false;
        }
        if (now - session.LastSeenAt > TimeSpan.FromMinutes(1))
        {
            session.Seen(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }
}

/// <summary>The signed-in person's own plan, with suggestions waiting for them and numbers to call.</summary>
public sealed record GetMyPlan : IRequest<MyPlan>;

public sealed record MyPlan(Guid PlanId, Guid Token, string? Name, PlanContent Content, int VersionNumber, DateTimeOffset? AgreedAt,
    IReadOnlyList<WaitingSuggestion> Suggestions, IReadOnlyList<ContactNumber> UrgentNumbers, bool RemindMe,
    IReadOnlyList<MyCareTeamMember> CareTeam, IReadOnlyList<MyNote> Notes, IReadOnlyList<MyCheckIn> CheckIns, IReadOnlyList<Helper> HelperOptions);

/// <param name="Organisation">Who they work for, so the person knows whom to ask for when they call.</param>
public sealed record MyCareTeamMember(string Name, string Role, string Organisation, bool Lead);

public sealed record MyNote(string Text, string From, DateTimeOffset At);

public sealed record MyCheckIn(int Mood, string? Words, DateTimeOffset At);

public sealed record WaitingSuggestion(Guid SuggestionId, PlanSection Section, string Text, string? Extra, string? Current);

public sealed class GetMyPlanHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, IStaffDirectory staff) : IRequestHandler<GetMyPlan, MyPlan>
{
    public async Task<MyPlan> Handle(GetMyPlan request, CancellationToken cancellationToken)
    {
        var personId = person.PersonId ?? throw new ForbiddenAccessException();
        var plan = await db.SupportPlans.AsNoTracking().Where(p => p.PersonId == personId).OrderByDescending(p => p.UpdatedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Your plan");
        var name = await db.People.Where(p => p.Id == personId).Select(p => p.PreferredName).FirstOrDefaultAsync(cancellationToken);
        var waiting = await db.PlanSuggestions.AsNoTracking().Where(s => s.PlanId == plan.Id && s.Status == SuggestionStatus.Waiting)
            .OrderBy(s => s.SuggestedAt).ToListAsync(cancellationToken);
        var team = await (
            from m in db.CareTeamMembers.AsNoTracking()
            join t in db.TeamMembers on m.MemberId equals t.Id
            join tm in db.Teams on t.TeamId equals tm.Id
            join o in db.Organisations on tm.OrganisationId equals o.Id
            where m.SpellId == plan.SpellId && m.LeftAt == null
            orderby m.Role
            select new { t.Name, t.Group, t.JobTitle, Organisation = o.Name, Lead = m.Role == Domain.CareTeams.CareTeamRole.Lead }).ToListAsync(cancellationToken);
        var notes = await db.SharedNotes.AsNoTracking().Where(n => n.PlanId == plan.Id).OrderByDescending(n => n.At).Take(20).ToListAsync(cancellationToken);
        var checkIns = await db.MoodCheckIns.AsNoTracking().Where(c => c.PlanId == plan.Id).OrderByDescending(c => c.At).Take(5)
            .Select(c => new MyCheckIn(c.Mood, c.Words, c.At)).ToListAsync(cancellationToken);
        var names = await staff.DisplayNames(notes.Select(n => n.ByUserId), cancellationToken);
        audit.Record(AuditAction.View, personId, nameof(SupportPlan), plan.Id, "Person: my plan");
        await db.SaveChangesAsync(cancellationToken);
        return new MyPlan(plan.Id, plan.Token, name, plan.Content, plan.VersionNumber, plan.AgreedAt,
            waiting.Select(s => new WaitingSuggestion(s.Id, s.Section, s.Text, s.Extra, s.Section switch
            {
                PlanSection.WhatMattersToMe => plan.Content.WhatMattersToMe,
                PlanSection.WhenStruggling => plan.Content.WhenStruggling,
                PlanSection.ReviewDate => plan.Content.ReviewOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            })).ToList(),
            PlanDrafting.UrgentNumbers, plan.RemindMe,
            team.Select(t => new MyCareTeamMember(t.Name, t.JobTitle ?? Domain.Directory.ProfessionalGroups.Describe(t.Group), t.Organisation, t.Lead)).ToList(),
            notes.Select(n => new MyNote(n.Text, names.TryGetValue(n.ByUserId, out var from) ? from : "Your care team", n.At)).ToList(),
            checkIns,
            await db.HelperOptions(plan, cancellationToken));
    }
}

/// <summary>The person saves their plan in their own words. A save over someone else's change is refused with both shown.</summary>
/// <param name="StepHelpers">Who helps with each step, by the step's position (null: keep who helped with a step of the same words).</param>
public sealed record SaveMyPlan(Guid PlanId, Guid ExpectedToken, string? WhatMattersToMe, IReadOnlyList<string> Goals, IReadOnlyList<string> Steps,
    string? WhenStruggling, IReadOnlyList<ContactNumber> Numbers, DateOnly? ReviewOn, IReadOnlyList<Helper?>? StepHelpers = null) : IRequest<SaveMyPlanResult>;

public sealed record SaveMyPlanResult(bool Saved, PlanContent? Theirs);

public sealed class SaveMyPlanValidator : AbstractValidator<SaveMyPlan>
{
    public SaveMyPlanValidator()
    {
        RuleFor(c => c.WhatMattersToMe).SafeText("What matters to you", 4000, multiline: true);
        RuleFor(c => c.WhenStruggling).SafeText("What helps when you are struggling", 4000, multiline: true);
        RuleFor(c => c.Goals).Must(g => g.Count <= 3).WithMessage("Keep to three goals at most");
        RuleForEach(c => c.Goals).SafeText("Each goal", 500, multiline: false);
        RuleFor(c => c.Steps).Must(s => s.Count <= 20).WithMessage("Keep to 20 steps at most");
        RuleForEach(c => c.Steps).SafeText("Each step", 1000, multiline: false);
        RuleFor(c => c.Numbers).Must(n => n.Count <= 10).WithMessage("Keep to 10 numbers at most");
        // One rule per box, so each message can be shown next to the box it is about.
        RuleForEach(c => c.Numbers).ChildRules(number =>
        {
            number.RuleFor(n => (string?)n.Who).SafeText("Who the number is for", 200, multiline: false);
            number.RuleFor(n => (string?)n.Number).SafeText("The number", 30, multiline: false);
        });
    }
}

public sealed class SaveMyPlanHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<SaveMyPlan, SaveMyPlanResult>
{
    public async Task<SaveMyPlanResult> Handle(SaveMyPlan request, CancellationToken cancellationToken)
    {
        var plan = await db.OwnPlan(person, request.PlanId, cancellationToken);
        // Only someone from the person's own network, care team or agreed offers can be named as helping.
        var options = (await db.HelperOptions(plan, cancellationToken)).ToHashSet();
        var content = plan.Content.RevisedByPerson(request.WhatMattersToMe, request.Goals, request.Steps, request.StepHelpers, options,
            request.WhenStruggling, request.Numbers, request.ReviewOn);
        try
        {
            db.PlanVersions.Add(plan.SaveByPerson(content, request.ExpectedToken, clock.GetUtcNow()));
            audit.Record(AuditAction.Update, plan.PersonId, nameof(SupportPlan), plan.Id, "Person: save my plan");
            await db.SaveChangesAsync(cancellationToken);
            return new SaveMyPlanResult(true, null);
        }
        catch (Exception ex) when (db.IsPlanConflict(ex))
        {
            db.DiscardChanges();
            var theirs = await db.SupportPlans.AsNoTracking().Where(p => p.Id == request.PlanId).Select(p => p.Content).FirstAsync(cancellationToken);
            return new SaveMyPlanResult(false, theirs);
        }
    }
}

/// <summary>The person accepts or declines a staff suggestion. Accepting changes only its section, with the person as author.</summary>
public sealed record AnswerMySuggestion(Guid SuggestionId, bool Accept) : IRequest<Unit>;

public sealed class AnswerMySuggestionHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<AnswerMySuggestion, Unit>
{
    public async Task<Unit> Handle(AnswerMySuggestion request, CancellationToken cancellationToken)
    {
        var personId = person.PersonId ?? throw new ForbiddenAccessException();
        var suggestion = await db.PlanSuggestions.FirstOrDefaultAsync(s => s.Id == request.SuggestionId && s.PersonId == personId, cancellationToken)
            ?? throw new NotFoundException("The suggestion");
        if (!suggestion.IsWaiting)
        {
            return Unit.Value;
        }
        var now = clock.GetUtcNow();
        if (request.Accept)
        {
            var plan = await db.OwnPlan(person, suggestion.PlanId, cancellationToken);
            db.PlanVersions.Add(plan.Accept(suggestion, now));
        }
        else
        {
            suggestion.Decline(now);
        }
        audit.Record(AuditAction.Update, personId, nameof(PlanSuggestion), suggestion.Id, request.Accept ? "Person: accept suggestion" : "Person: decline suggestion");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (db.IsPlanConflict(ex))
        {
            db.DiscardChanges();
            throw Refuse.Because(nameof(request.SuggestionId), "Your plan changed at the same moment. Nothing was lost: look at it again and choose once more");
        }
        return Unit.Value;
    }
}

/// <summary>The person rates one of their goals today, from 0 (not at all) to 10 (goal reached).</summary>
public sealed record RateMyGoal(Guid PlanId, Guid ExpectedToken, int GoalIndex, int? Rating) : IRequest<bool>;

public sealed class RateMyGoalValidator : AbstractValidator<RateMyGoal>
{
    public RateMyGoalValidator() =>
        RuleFor(c => c.Rating).NotNull().WithMessage("Choose a number from 0 to 10").InclusiveBetween(0, 10).WithMessage("Choose a number from 0 to 10");
}

public sealed class RateMyGoalHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<RateMyGoal, bool>
{
    public async Task<bool> Handle(RateMyGoal request, CancellationToken cancellationToken)
    {
        var plan = await db.OwnPlan(person, request.PlanId, cancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            db.PlanVersions.Add(plan.RateGoal(request.GoalIndex, request.Rating!.Value, UkTime.Today(now), request.ExpectedToken, now));
            // A goal rating is a rated measure: the spell's first one, from any source, is its baseline.
            var spell = await db.Spells.FirstAsync(s => s.Id == plan.SpellId, cancellationToken);
            spell.RecordBaselineMeasure(now);
            audit.Record(AuditAction.Update, plan.PersonId, nameof(SupportPlan), plan.Id, "Person: rate a goal");
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (db.IsPlanConflict(ex))
        {
            db.DiscardChanges();
            return false;
        }
    }
}

/// <summary>The person agrees their plan: an agreed plan stops the four-week clock's third condition.</summary>
public sealed record AgreeMyPlan(Guid PlanId) : IRequest<Unit>;

public sealed class AgreeMyPlanHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<AgreeMyPlan, Unit>
{
    public async Task<Unit> Handle(AgreeMyPlan request, CancellationToken cancellationToken)
    {
        var plan = await db.OwnPlan(person, request.PlanId, cancellationToken);
        var now = clock.GetUtcNow();
        plan.Agree(now);
        var spell = await db.Spells.FirstAsync(s => s.Id == plan.SpellId, cancellationToken);
        spell.RecordCarePlanAgreed(now);
        audit.Record(AuditAction.Update, plan.PersonId, nameof(SupportPlan), plan.Id, "Person: agree my plan");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The person signs out: the session ends at once and the link that started it stays used.</summary>
public sealed record EndMySession : IRequest<Unit>;

public sealed class EndMySessionHandler(IApplicationDbContext db, ICurrentPerson person, TimeProvider clock) : IRequestHandler<EndMySession, Unit>
{
    public async Task<Unit> Handle(EndMySession request, CancellationToken cancellationToken)
    {
        if (person.SessionId is { } id && await db.PersonSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } session)
        {
            session.End(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }
}

internal static class OwnPlans
{
    /// <summary>
    /// The plan moved on while this change was made: refused by the plan's token, or, when another
    /// save from the same version committed first, by the unique version number (the database may
    /// meet the version's insert before the plan's update).
    /// </summary>
    public static bool IsPlanConflict(this IApplicationDbContext db, Exception ex) =>
        ex is PlanChangedException or DbUpdateConcurrencyException || (ex is DbUpdateException update && db.IsUniqueViolation(update));

    /// <summary>Who can be named as helping with a step: people from the person's network, their care team, and community offers they agreed.</summary>
    public static async Task<IReadOnlyList<Helper>> HelperOptions(this IApplicationDbContext db, SupportPlan plan, CancellationToken cancellationToken)
    {
        var network = await db.LatestConversationContent(plan.PersonId, plan.SpellId, cancellationToken);
        var team = await (from m in db.CareTeamMembers.AsNoTracking()
                          join t in db.TeamMembers on m.MemberId equals t.Id
                          where m.SpellId == plan.SpellId && m.LeftAt == null
                          select new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var offers = await (from l in db.CommunityLinks.AsNoTracking()
                            join o in db.CommunityOffers on l.OfferId equals o.Id
                            where l.SpellId == plan.SpellId
                            select new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return (network?.Network ?? []).Select(n => new Helper(HelperKind.NetworkPerson, n.Name, null))
            .Concat(team.Select(t => new Helper(HelperKind.CareTeamMember, t.Name, t.Id)))
            .Concat(offers.Select(o => new Helper(HelperKind.CommunityOffer, o.Name, o.Id)))
            .Distinct().ToList();
    }

    /// <summary>
    /// The plan, if it is the signed-in person's own; anyone else's reads as not found, so a person
    /// can never reach, or learn of, another person's plan.
    /// </summary>
    public static async Task<SupportPlan> OwnPlan(this IApplicationDbContext db, ICurrentPerson person, Guid planId, CancellationToken cancellationToken)
    {
        var personId = person.PersonId ?? throw new ForbiddenAccessException();
        return await db.SupportPlans.FirstOrDefaultAsync(p => p.Id == planId && p.PersonId == personId, cancellationToken)
            ?? throw new NotFoundException("Your plan");
    }
}
