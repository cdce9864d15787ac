using Hub.Application.Common.Interfaces;
using Hub.Domain.CareTeams;
using Hub.Domain.Referrals;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CareTeams.GetHandoffs;

/// <summary>The signed-in member's work: handoffs offered to them, and the people whose care team they are on.</summary>
public sealed record GetMyWork : IRequest<MyWork>;

public sealed record MyWork(IReadOnlyList<OfferedHandoff> Offers, IReadOnlyList<CaseloadRow> Caseload, int Capacity, bool InDirectory);

public sealed record OfferedHandoff(Guid HandoffId, Guid ReferralId, string Reference, CareTeamRole Role, string Note, string FromName, DateTimeOffset OfferedAt);

public sealed record CaseloadRow(Guid ReferralId, string Reference, string? PersonName, CareTeamRole Role, DateTimeOffset JoinedAt);

public sealed class GetMyWorkHandler(IApplicationDbContext db, ICurrentUser user, IStaffDirectory staff) : IRequestHandler<GetMyWork, MyWork>
{
    public async Task<MyWork> Handle(GetMyWork request, CancellationToken cancellationToken)
    {
        var me = user.Id;
        var member = await db.TeamMembers.AsNoTracking().Where(m => m.Id == me).Select(m => new { m.CaseloadCapacity }).FirstOrDefaultAsync(cancellationToken);

        var offers = await (
            from h in db.Handoffs.AsNoTracking()
            where h.ToMemberId == me && h.Status == HandoffStatus.Pending
            orderby h.CreatedAt
            select new
            {
                h.Id, h.Role, h.Note, h.FromUserId, h.CreatedAt,
                ReferralId = db.Referrals.Where(r => r.SpellId == h.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).First(),
                ReferralReference = db.Referrals.Where(r => r.SpellId == h.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).First(),
            }).ToListAsync(cancellationToken);

        var caseload = await (
            from m in db.CareTeamMembers.AsNoTracking()
            join s in db.Spells on m.SpellId equals s.Id
            join p in db.People on m.PersonId equals p.Id
            where m.MemberId == me && m.LeftAt == null && s.EndedAt == null
            orderby m.JoinedAt
            select new
            {
                m.Role, m.JoinedAt, p.PreferredName,
                ReferralId = db.Referrals.Where(r => r.SpellId == s.Id).OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).First(),
                ReferralReference = db.Referrals.Where(r => r.SpellId == s.Id).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).First(),
            }).ToListAsync(cancellationToken);

        var names = await staff.DisplayNames(offers.Select(o => o.FromUserId), cancellationToken);
        return new MyWork(
            offers.Select(o => new OfferedHandoff(o.Id, o.ReferralId, o.ReferralReference, o.Role, o.Note,
                names.TryGetValue(o.FromUserId, out var n) ? n : "A former member of staff", o.CreatedAt)).ToList(),
            caseload.Select(c => new CaseloadRow(c.ReferralId, c.ReferralReference, c.PreferredName, c.Role, c.JoinedAt)).ToList(),
            member?.CaseloadCapacity ?? 0,
            member is not null);
    }
}

/// <summary>
/// Work waiting for a worker: people triaged into support with no lead worker yet, anyone with a
/// declined handoff not yet offered again (with who declined and why: never silently dropped), and
/// offers waiting for an answer.
/// </summary>
public sealed record GetAllocationQueue : IRequest<AllocationQueue>;

public sealed record AllocationQueue(IReadOnlyList<UnallocatedRow> Unallocated, IReadOnlyList<WaitingHandoffRow> AwaitingAnswer);

/// <param name="Declines">Declined offers still to be dealt with, newest first: who declined and why.</param>
public sealed record UnallocatedRow(Guid ReferralId, string Reference, DateTimeOffset SpellStartedAt, IReadOnlyList<DeclineRow> Declines);

public sealed record DeclineRow(string DeclinedBy, string Reason, DateTimeOffset At);

public sealed record WaitingHandoffRow(Guid ReferralId, string Reference, string ToName, CareTeamRole Role, DateTimeOffset OfferedAt);

public sealed class GetAllocationQueueHandler(IApplicationDbContext db, IStaffDirectory staff) : IRequestHandler<GetAllocationQueue, AllocationQueue>
{
    public const int Limit = 200;

    public async Task<AllocationQueue> Handle(GetAllocationQueue request, CancellationToken cancellationToken)
    {
        // Open spells with a referral triaged into support, no current lead and no lead offer waiting.
        var unallocated = await (
            from s in db.Spells.AsNoTracking()
            where s.EndedAt == null
               && ((db.Referrals.Any(r => r.SpellId == s.Id && r.Status == ReferralStatus.Open)
                    && !db.CareTeamMembers.Any(m => m.SpellId == s.Id && m.LeftAt == null && m.Role == CareTeamRole.Lead)
                    && !db.Handoffs.Any(h => h.SpellId == s.Id && h.Status == HandoffStatus.Pending && h.Role == CareTeamRole.Lead))
                   // A declined offer stays visible until the work is offered again, lead or not.
                   || db.Handoffs.Any(h => h.SpellId == s.Id && h.Status == HandoffStatus.Declined && h.ResolvedAt == null))
            orderby s.StartedAt
            select new
            {
                SpellId = s.Id, s.StartedAt,
                ReferralId = db.Referrals.Where(r => r.SpellId == s.Id).OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).First(),
                ReferralReference = db.Referrals.Where(r => r.SpellId == s.Id).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).First(),
            }).Take(Limit).ToListAsync(cancellationToken);

        var spellIds = unallocated.Select(u => u.SpellId).ToList();
        var declines = await db.Handoffs.AsNoTracking()
            .Where(h => spellIds.Contains(h.SpellId) && h.Status == HandoffStatus.Declined && h.ResolvedAt == null)
            .Select(h => new { h.SpellId, h.ToMemberId, h.DeclineReason, h.DecidedAt })
            .ToListAsync(cancellationToken);

        var waiting = await (
            from h in db.Handoffs.AsNoTracking()
            where h.Status == HandoffStatus.Pending
            orderby h.CreatedAt
            select new
            {
                h.ToMemberId, h.Role, h.CreatedAt,
                ReferralId = db.Referrals.Where(r => r.SpellId == h.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).First(),
                ReferralReference = db.Referrals.Where(r => r.SpellId == h.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).First(),
            }).Take(Limit).ToListAsync(cancellationToken);

        var names = await staff.DisplayNames(declines.Select(d => d.ToMemberId).Concat(waiting.Select(w => w.ToMemberId)), cancellationToken);
        string NameOf(Guid id) => names.TryGetValue(id, out var n) ? n : "A former member of staff";

        return new AllocationQueue(
            unallocated.Select(u => new UnallocatedRow(u.ReferralId, u.ReferralReference, u.StartedAt,
                declines.Where(d => d.SpellId == u.SpellId).OrderByDescending(d => d.DecidedAt)
                    .Select(d => new DeclineRow(NameOf(d.ToMemberId), d.DeclineReason ?? string.Empty, d.DecidedAt!.Value)).ToList())).ToList(),
            waiting.Select(w => new WaitingHandoffRow(w.ReferralId, w.ReferralReference, NameOf(w.ToMemberId), w.Role, w.CreatedAt)).ToList());
    }
}
