using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Contacts;
using Hub.Domain.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Figures;

/// <summary>
/// Loads the facts behind the figures for one filter: one query per kind of fact (and one more to
/// find a team's or sector's members), whatever the size of the hub. Every query is bounded by the
/// period through an index, or reads only what is live now (running clocks), so it costs the same in
/// a hub with a year of history as in one with decades.
/// </summary>
public static class FactLoading
{
    /// <summary>A return: a spell that starts within this many days of the person's previous one ending.</summary>
    public const int ReturnWithinDays = 183;

    public static async Task<HubFacts> LoadFactsAsync(this IApplicationDbContext db, FigureFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = filter.Start;
        var end = filter.End;
        var (scopedToMembers, memberIds, scopedToHood, hood) = await db.ScopeAsync(filter, cancellationToken);

        var referrals = await (
            from r in db.Referrals.AsNoTracking()
            join s in db.Spells on r.SpellId equals s.Id
            join p in db.People on r.PersonId equals p.Id
            where r.ReceivedAt >= start && r.ReceivedAt < end
               && (!scopedToHood || p.Neighbourhood == hood)
               && (!scopedToMembers || db.CareTeamMembers.Any(c => c.SpellId == r.SpellId && memberIds.Contains(c.MemberId)))
            select new
            {
                r.Id, r.PersonId, r.SpellId, r.ReceivedAt, r.Source,
                s.StartedAt,
                PreviousEndedAt = db.Spells.Where(previous => previous.Id == s.PreviousSpellId).Select(previous => previous.EndedAt).FirstOrDefault(),
                IsFirstOfSpell = !db.Referrals.Any(earlier => earlier.SpellId == r.SpellId && earlier.ReceivedAt < r.ReceivedAt),
                p.Equality.EthnicCategory, p.DateOfBirth, p.Equality.Gender, p.Neighbourhood,
            }).ToListAsync(cancellationToken);

        var contacts = await (
            from c in db.Contacts.AsNoTracking()
            join r in db.Referrals on c.ReferralId equals r.Id
            join p in db.People on r.PersonId equals p.Id
            where c.At >= start && c.At < end
               && (!scopedToHood || p.Neighbourhood == hood)
               && (!scopedToMembers || db.CareTeamMembers.Any(m => m.SpellId == r.SpellId && memberIds.Contains(m.MemberId)))
            select new
            {
                c.Id, r.PersonId, r.SpellId, c.At, c.Medium, c.Place, c.Attended,
                p.Equality.EthnicCategory, p.DateOfBirth, p.Equality.Gender, p.Neighbourhood,
            }).ToListAsync(cancellationToken);

        var closures = await (
            from s in db.Spells.AsNoTracking()
            join p in db.People on s.PersonId equals p.Id
            where s.EndedAt >= start && s.EndedAt < end
               && (!scopedToHood || p.Neighbourhood == hood)
               && (!scopedToMembers || db.CareTeamMembers.Any(m => m.SpellId == s.Id && memberIds.Contains(m.MemberId)))
            select new
            {
                s.Id, s.PersonId, EndedAt = s.EndedAt!.Value, s.ClosureReason, s.StartedAt, s.ClockStoppedAt,
                p.Equality.EthnicCategory, p.DateOfBirth, p.Equality.Gender, p.Neighbourhood,
            }).ToListAsync(cancellationToken);

        var stopped = await (
            from s in db.Spells.AsNoTracking()
            join p in db.People on s.PersonId equals p.Id
            where s.ClockStoppedAt >= start && s.ClockStoppedAt < end
               && (!scopedToHood || p.Neighbourhood == hood)
               && (!scopedToMembers || db.CareTeamMembers.Any(m => m.SpellId == s.Id && memberIds.Contains(m.MemberId)))
            select new
            {
                s.Id, s.PersonId, s.StartedAt, StoppedAt = s.ClockStoppedAt!.Value,
                p.Equality.EthnicCategory, p.DateOfBirth, p.Equality.Gender, p.Neighbourhood,
            }).ToListAsync(cancellationToken);

        var running = await (
            from s in db.Spells.AsNoTracking()
            join p in db.People on s.PersonId equals p.Id
            where s.EndedAt == null && s.ClockStoppedAt == null
               && (!scopedToHood || p.Neighbourhood == hood)
               && (!scopedToMembers || db.CareTeamMembers.Any(m => m.SpellId == s.Id && memberIds.Contains(m.MemberId)))
            select new
            {
                s.Id, s.PersonId, s.StartedAt,
                p.Equality.EthnicCategory, p.DateOfBirth, p.Equality.Gender, p.Neighbourhood,
            }).ToListAsync(cancellationToken);

        var followUps = await (
            from f in db.OutcomeRecords.AsNoTracking()
            join s in db.Spells on f.SpellId equals s.Id
            join p in db.People on s.PersonId equals p.Id
            where !f.IsBaseline && f.At >= start && f.At < end
               && (!scopedToHood || p.Neighbourhood == hood)
               && (!scopedToMembers || db.CareTeamMembers.Any(m => m.SpellId == s.Id && memberIds.Contains(m.MemberId)))
               && db.Contacts.Count(c => c.Attended && db.Referrals.Any(r => r.Id == c.ReferralId && r.SpellId == s.Id)) >= 2
            select new
            {
                f.SpellId, s.PersonId, f.MeasureCode, f.At, f.Ratings,
                Baseline = db.OutcomeRecords.Where(b => b.SpellId == f.SpellId && b.MeasureCode == f.MeasureCode && b.IsBaseline)
                    .OrderBy(b => b.At).Select(b => b.Ratings).FirstOrDefault(),
                p.Equality.EthnicCategory, p.DateOfBirth, p.Equality.Gender, p.Neighbourhood,
            }).ToListAsync(cancellationToken);

        static PersonTraits Traits(string? ethnicity, DateOnly? born, string? gender, string? neighbourhood) => new(ethnicity, born, gender, neighbourhood);

        var waits = stopped.Select(s => new WaitFact(s.Id, s.PersonId, s.StartedAt, s.StoppedAt, true, Traits(s.EthnicCategory, s.DateOfBirth, s.Gender, s.Neighbourhood)))
            .Concat(closures.Where(c => c.ClockStoppedAt is null)
                .Select(c => new WaitFact(c.Id, c.PersonId, c.StartedAt, c.EndedAt, false, Traits(c.EthnicCategory, c.DateOfBirth, c.Gender, c.Neighbourhood))))
            .ToList();

        var outcomes = followUps
            .Where(f => f.Baseline is not null)
            .GroupBy(f => (f.SpellId, f.MeasureCode))
            .Select(g => g.OrderByDescending(f => f.At).First())
            .SelectMany(f => Pair(f.MeasureCode, f.Baseline!, f.Ratings)
                .Select(scale => new OutcomeFact(f.SpellId, f.PersonId, f.MeasureCode, scale.Code, scale.Baseline, scale.FollowUp, scale.Category, f.At,
                    Traits(f.EthnicCategory, f.DateOfBirth, f.Gender, f.Neighbourhood))))
            .ToList();

        var volunteering = await db.LoadVolunteeringAsync(filter, cancellationToken);
        return new HubFacts(
            filter,
            now,
            referrals.Select(r => new ReferralFact(r.Id, r.PersonId, r.SpellId, r.ReceivedAt, r.Source, IsReturn(r.IsFirstOfSpell, r.StartedAt, r.PreviousEndedAt), Traits(r.EthnicCategory, r.DateOfBirth, r.Gender, r.Neighbourhood))).ToList(),
            contacts.Select(c => new ContactFact(c.Id, c.PersonId, c.SpellId, c.At, c.Medium, c.Place, c.Attended, Traits(c.EthnicCategory, c.DateOfBirth, c.Gender, c.Neighbourhood))).ToList(),
            closures.Select(c => new ClosureFact(c.Id, c.PersonId, c.EndedAt, c.ClosureReason, Traits(c.EthnicCategory, c.DateOfBirth, c.Gender, c.Neighbourhood))).ToList(),
            waits,
            running.Select(r => new RunningWaitFact(r.Id, r.PersonId, r.StartedAt, Traits(r.EthnicCategory, r.DateOfBirth, r.Gender, r.Neighbourhood))).ToList(),
            outcomes) { Volunteering = volunteering };
    }

    /// <summary>The first referral of a spell that follows one which ended within <see cref="ReturnWithinDays"/> before it started.</summary>
    public static bool IsReturn(bool firstOfSpell, DateTimeOffset spellStarted, DateTimeOffset? previousEnded) =>
        firstOfSpell && previousEnded is { } ended && ended >= spellStarted.AddDays(-ReturnWithinDays);

    /// <summary>
    /// Access, as NHS England counts it for community mental health: the people with two or more
    /// attended direct contacts (not text or message) in the twelve months up to the end of the period, with what they told us
    /// about themselves. Two queries: the people, then their traits.
    /// </summary>
    public static async Task<IReadOnlyList<PersonTraits>> LoadAccessAsync(this IApplicationDbContext db, FigureFilter filter, CancellationToken cancellationToken)
    {
        var end = filter.End;
        var start = UkTime.FromLocal(filter.To.AddDays(1).AddMonths(-12).ToDateTime(TimeOnly.MinValue));
        var (scopedToMembers, memberIds, scopedToHood, hood) = await db.ScopeAsync(filter, cancellationToken);

        var people = await (
            from c in db.Contacts.AsNoTracking()
            join r in db.Referrals on c.ReferralId equals r.Id
            join p in db.People on r.PersonId equals p.Id
            where c.Attended && c.Medium != ContactMedium.TextOrMessage && c.At >= start && c.At < end
               && (!scopedToHood || p.Neighbourhood == hood)
               && (!scopedToMembers || db.CareTeamMembers.Any(m => m.SpellId == r.SpellId && memberIds.Contains(m.MemberId)))
            group c by r.PersonId into g
            where g.Count() >= 2
            select g.Key).ToListAsync(cancellationToken);

        return await db.People.AsNoTracking()
            .Where(p => people.Contains(p.Id))
            .Select(p => new PersonTraits(p.Equality.EthnicCategory, p.DateOfBirth, p.Equality.Gender, p.Neighbourhood))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A filter's scope as the queries use it: whether it is narrowed to the spells of some staff (a
    /// team or a sector) and which, and whether to people of one neighbourhood and which.
    /// </summary>
    private static async Task<(bool ByMembers, List<Guid> MemberIds, bool ByNeighbourhood, string? Neighbourhood)> ScopeAsync(
        this IApplicationDbContext db, FigureFilter filter, CancellationToken cancellationToken)
    {
        var members = await db.ScopeMembersAsync(filter, cancellationToken);
        var hood = string.IsNullOrWhiteSpace(filter.Neighbourhood) ? null : filter.Neighbourhood.Trim();
        return (members is not null, members ?? [], hood is not null, hood);
    }

    /// <summary>The staff whose care-team places put a spell in a team's or sector's scope; null when the filter has neither.</summary>
    public static async Task<List<Guid>?> ScopeMembersAsync(this IApplicationDbContext db, FigureFilter filter, CancellationToken cancellationToken)
    {
        if (filter.TeamId is { } teamId)
        {
            return await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId).Select(m => m.Id).ToListAsync(cancellationToken);
        }
        if (filter.Sector is { } sector)
        {
            return await (
                from m in db.TeamMembers.AsNoTracking()
                join t in db.Teams on m.TeamId equals t.Id
                join o in db.Organisations on t.OrganisationId equals o.Id
                where o.Sector == sector
                select m.Id).ToListAsync(cancellationToken);
        }
        return null;
    }

    /// <summary>
    /// The scales a pair of administrations is reported on: DIALOG's quality of life (the mean of the
    /// eight life areas) and each goal of the Goal-Based Outcomes, where both ends have a score.
    /// </summary>
    public static IEnumerable<(string Code, decimal Baseline, decimal FollowUp, ChangeCategory Category)> Pair(string measureCode, IReadOnlyDictionary<string, int?> baseline, IReadOnlyDictionary<string, int?> followUp)
    {
        var measure = measureCode switch
        {
            BuiltInMeasures.DialogCode => BuiltInMeasures.Dialog,
            BuiltInMeasures.GboCode => BuiltInMeasures.Gbo,
            _ => null,
        };
        if (measure is null)
        {
            yield break;
        }
        if (measure == BuiltInMeasures.Gbo)
        {
            // One score per person: the mean of the goals rated at both ends, so figures count people, not goals.
            var goals = measure.Scales
                .Select(g => (Before: Scoring.Score(g, baseline), After: Scoring.Score(g, followUp)))
                .Where(g => g.Before is not null && g.After is not null)
                .ToList();
            if (goals.Count > 0)
            {
                var before = Math.Round(goals.Average(g => g.Before!.Value), 2);
                var after = Math.Round(goals.Average(g => g.After!.Value), 2);
                yield return (GboGoals, before, after, Scoring.Classify(before, after, BuiltInMeasures.GboReliableChange)!.Value);
            }
            yield break;
        }
        var qualityOfLife = measure.Scales.Single(s => s.Code == DialogQualityOfLife);
        if (Scoring.Score(qualityOfLife, baseline) is { } b && Scoring.Score(qualityOfLife, followUp) is { } a
            && Scoring.Classify(b, a, qualityOfLife.ReliableChange, qualityOfLife.HigherIsBetter) is { } change)
        {
            yield return (qualityOfLife.Code, b, a, change);
        }
    }

    public const string DialogQualityOfLife = "quality-of-life";

    /// <summary>The scale code of a person's goals taken together (the mean of those rated at both ends).</summary>
    public const string GboGoals = "goals";
}
