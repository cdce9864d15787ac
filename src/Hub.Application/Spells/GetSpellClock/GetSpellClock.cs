using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Spells;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Spells.GetSpellClock;

/// <summary>The four-week clock of the referral's spell: each condition's UK day, what stopped it, and every plan agreed or intervention staff recorded.</summary>
public sealed record GetSpellClock(Guid ReferralId) : IRequest<SpellClockView>, IReferralScoped;

public sealed record SpellClockView(Guid ReferralId, string Reference, string? PersonName, bool SpellOpen, bool MatchPending, SpellClockSummary Summary,
    IReadOnlyList<CareStartRow> CareStarts);

public sealed record CareStartRow(CareStartKind Kind, DateOnly On, CarePlanAgreedHow? How, InterventionKind? Intervention, string? Note, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>What the record page says about the clock: the UK day of each condition and, once stopped, which came last.</summary>
/// <param name="StoppedBy">The condition met last, which stopped the clock ("assessment", "baseline measure", "care plan agreed or intervention started"); null while running.</param>
public sealed record SpellClockSummary(DateOnly StartedOn, DateOnly? AssessedOn, DateOnly? BaselineOn, DateOnly? PlanOrInterventionOn, DateOnly? StoppedOn,
    string? StoppedBy, FourWeekClock Clock)
{
    public const string Assessment = "assessment";
    public const string Baseline = "baseline measure";
    public const string PlanOrIntervention = "care plan agreed or intervention started";

    public static SpellClockSummary Of(ReferralSpell spell, DateTimeOffset now)
    {
        static DateOnly? Day(DateTimeOffset? at) => at is { } v ? UkCalendar.DayOf(v) : null;
        string? stoppedBy = null;
        if (spell.ClockStoppedAt is not null)
        {
            // The last of the three, in whatever order they came; on a tie the one listed last.
            stoppedBy = new[] { (Assessment, spell.AssessedAt!.Value), (Baseline, spell.BaselineMeasuredAt!.Value), (PlanOrIntervention, spell.CarePlanAgreedAt!.Value) }
                .OrderBy(c => c.Item2).Last().Item1;
        }
        return new SpellClockSummary(UkCalendar.DayOf(spell.StartedAt), Day(spell.AssessedAt), Day(spell.BaselineMeasuredAt), Day(spell.CarePlanAgreedAt),
            Day(spell.ClockStoppedAt), stoppedBy, FourWeekClock.Of(spell, now));
    }
}

public sealed class GetSpellClockHandler(IApplicationDbContext db, IStaffDirectory staff, AuditTrail audit, TimeProvider clock) : IRequestHandler<GetSpellClock, SpellClockView>
{
    public async Task<SpellClockView> Handle(GetSpellClock request, CancellationToken cancellationToken)
    {
        var found = await (
            from r in db.Referrals.AsNoTracking()
            join s in db.Spells on r.SpellId equals s.Id
            join p in db.People on r.PersonId equals p.Id
            where r.Id == request.ReferralId
            select new { r.Reference, Spell = s, p.PreferredName }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The referral");
        var pending = await db.PossibleMatches.AnyAsync(m => m.ReferralId == request.ReferralId && m.Decision == Hub.Domain.People.MatchDecision.Pending, cancellationToken);
        var starts = await db.CareStarts.AsNoTracking().Where(c => c.SpellId == found.Spell.Id)
            .OrderBy(c => c.On).ThenBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        var names = await staff.DisplayNames(starts.Select(c => c.RecordedByUserId), cancellationToken);

        audit.Record(AuditAction.View, found.Spell.PersonId, nameof(ReferralSpell), found.Spell.Id, "Four-week clock: view");
        await db.SaveChangesAsync(cancellationToken);

        return new SpellClockView(request.ReferralId, found.Reference, found.PreferredName, found.Spell.IsOpen, pending,
            SpellClockSummary.Of(found.Spell, clock.GetUtcNow()),
            starts.Select(c => new CareStartRow(c.Kind, c.On, c.How, c.Intervention, c.Note,
                names.TryGetValue(c.RecordedByUserId, out var n) ? n : "A former member of staff", c.RecordedAt)).ToList());
    }
}
