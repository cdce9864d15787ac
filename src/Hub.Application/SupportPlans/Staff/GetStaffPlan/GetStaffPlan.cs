using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Staff.GetStaffPlan;

/// <summary>The plan as staff see it: the person's words, every version with its author, suggestions and access.</summary>
public sealed record GetStaffPlan(Guid ReferralId) : IRequest<StaffPlanView?>, IReferralScoped;

public sealed record StaffPlanView(Guid ReferralId, string Reference, string? PersonName, bool HasEmail, Guid PlanId, PlanContent Content, int VersionNumber,
    DateTimeOffset UpdatedAt, PlanAuthor UpdatedBy, DateTimeOffset? AgreedAt, IReadOnlyList<VersionRow> Versions, IReadOnlyList<SuggestionRow> Suggestions,
    int ActiveSessions, DateTimeOffset? LastLinkSentAt, IReadOnlyList<CheckInRow> CheckIns, IReadOnlyList<NoteRow> SharedNotes);

public sealed record CheckInRow(int Mood, string? Words, DateTimeOffset At);

public sealed record NoteRow(string Text, string By, DateTimeOffset At);

public sealed record VersionRow(int Number, PlanAuthor Author, string AuthorName, DateTimeOffset At);

public sealed record SuggestionRow(Guid SuggestionId, PlanSection Section, string Text, string? Extra, string By, DateTimeOffset At, SuggestionStatus Status);

public sealed class GetStaffPlanHandler(IApplicationDbContext db, IStaffDirectory staff, AuditTrail audit, TimeProvider clock) : IRequestHandler<GetStaffPlan, StaffPlanView?>
{
    public async Task<StaffPlanView?> Handle(GetStaffPlan request, CancellationToken cancellationToken)
    {
        var found = await (from r in db.Referrals.AsNoTracking()
                           join p in db.People on r.PersonId equals p.Id
                           where r.Id == request.ReferralId
                           select new { r.Reference, r.SpellId, Person = p }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The referral");
        var plan = await db.SupportPlans.AsNoTracking().FirstOrDefaultAsync(p => p.SpellId == found.SpellId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderByDescending(v => v.Number).Take(50)
            .Select(v => new { v.Number, v.Author, v.AuthorUserId, v.At }).ToListAsync(cancellationToken);
        var suggestions = await db.PlanSuggestions.AsNoTracking().Where(s => s.PlanId == plan.Id).OrderByDescending(s => s.SuggestedAt).Take(50).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var sessions = await db.PersonSessions.AsNoTracking().Where(s => s.PersonId == plan.PersonId && s.EndedAt == null).ToListAsync(cancellationToken);
        var lastLink = await db.PlanAccessLinks.AsNoTracking().Where(l => l.PersonId == plan.PersonId).MaxAsync(l => (DateTimeOffset?)l.IssuedAt, cancellationToken);
        var checkIns = await db.MoodCheckIns.AsNoTracking().Where(c => c.PlanId == plan.Id).OrderByDescending(c => c.At).Take(10)
            .Select(c => new CheckInRow(c.Mood, c.Words, c.At)).ToListAsync(cancellationToken);
        var shared = await db.SharedNotes.AsNoTracking().Where(n => n.PlanId == plan.Id).OrderByDescending(n => n.At).Take(20).ToListAsync(cancellationToken);
        var names = await staff.DisplayNames(versions.Select(v => v.AuthorUserId).OfType<Guid>().Concat(suggestions.Select(s => s.SuggestedByUserId))
            .Concat(shared.Select(n => n.ByUserId)), cancellationToken);
        string NameOf(Guid? id) => id is { } g && names.TryGetValue(g, out var n) ? n : "A former member of staff";

        audit.Record(AuditAction.View, plan.PersonId, nameof(SupportPlan), plan.Id, "Support plan: staff view");
        await db.SaveChangesAsync(cancellationToken);
        return new StaffPlanView(request.ReferralId, found.Reference, found.Person.PreferredName, found.Person.Contact.Email is not null, plan.Id, plan.Content,
            plan.VersionNumber, plan.UpdatedAt, plan.UpdatedByAuthor, plan.AgreedAt,
            versions.Select(v => new VersionRow(v.Number, v.Author, v.Author == PlanAuthor.Person ? "The person" : NameOf(v.AuthorUserId), v.At)).ToList(),
            suggestions.Select(s => new SuggestionRow(s.Id, s.Section, s.Text, s.Extra, NameOf(s.SuggestedByUserId), s.SuggestedAt, s.Status)).ToList(),
            sessions.Count(s => s.IsActiveAt(now)), lastLink, checkIns,
            shared.Select(n => new NoteRow(n.Text, NameOf(n.ByUserId), n.At)).ToList());
    }
}
