using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.SupportPlans.MyPlan;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MyPlan.GetMyPlan;

/// <summary>The signed-in person's own plan, with suggestions waiting for them and numbers to call.</summary>
public sealed record GetMyPlan : IRequest<MyPlan>;

public sealed record MyPlan(Guid PlanId, Guid Token, string? Name, PlanContent Content, int VersionNumber, DateTimeOffset? AgreedAt,
    IReadOnlyList<WaitingSuggestion> Suggestions, IReadOnlyList<ContactNumber> UrgentNumbers, bool RemindMe,
    IReadOnlyList<MyCareTeamMember> CareTeam, IReadOnlyList<MyNote> Notes, IReadOnlyList<MyCheckIn> CheckIns, IReadOnlyList<Helper> HelperOptions);

/// <param name="Organisation">Who they work for, so the person knows whom to ask for when they call.</param>
public sealed record MyCareTeamMember(string Name, string Role, string Organisation, bool Lead);

public sealed record MyNote(string Text, string From, DateTimeOffset At);

public sealed record MyCheckIn(int Mood, string? Words, DateTimeOffset At);

/// <param name="GroupId">For a step with a Connect and Do group: the group, whose public page the person can open.</param>
public sealed record WaitingSuggestion(Guid SuggestionId, PlanSection Section, string Text, string? Extra, string? Current, Guid? GroupId = null);

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
            }, s.OfferId)).ToList(),
            PlanDrafting.UrgentNumbers, plan.RemindMe,
            team.Select(t => new MyCareTeamMember(t.Name, t.JobTitle ?? Domain.Directory.ProfessionalGroups.Describe(t.Group), t.Organisation, t.Lead)).ToList(),
            notes.Select(n => new MyNote(n.Text, names.TryGetValue(n.ByUserId, out var from) ? from : "Your care team", n.At)).ToList(),
            checkIns,
            await db.HelperOptions(plan, cancellationToken));
    }
}
