using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Paging;
using Hub.Application.Common.Searching;
using Hub.Domain.CareTeams;
using Hub.Domain.Referrals;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CareTeams.GetHandoffs;

/// <summary>
/// The signed-in member's work: handoffs offered to them, and the people whose care team they are on,
/// a page at a time (longest on the caseload first), searched by reference, name, phone or email.
/// A search is an audited read.
/// </summary>
public sealed record GetMyWork(string? Search = null, string? After = null, string? Before = null, int PageSize = Keyset.PageSize) : IRequest<MyWork>;

/// <param name="CaseloadCount">Everyone on the member's caseload, whatever the search.</param>
/// <param name="Found">How many the search found, when there is one.</param>
public sealed record MyWork(IReadOnlyList<OfferedHandoff> Offers, KeysetPage<CaseloadRow> Caseload, int CaseloadCount, int? Found, int Capacity, bool InDirectory);

public sealed record OfferedHandoff(Guid HandoffId, Guid ReferralId, string Reference, CareTeamRole Role, string Note, string FromName, DateTimeOffset OfferedAt);

public sealed record CaseloadRow(Guid ReferralId, string Reference, string? PersonName, CareTeamRole Role, DateTimeOffset JoinedAt);

public sealed class GetMyWorkValidator : AbstractValidator<GetMyWork>
{
    public GetMyWorkValidator()
    {
        RuleFor(q => q.Search).ReadableSearch();
        RuleFor(q => q).Must(q => Keyset.TryRead<DateTimeOffset>(q.After, q.Before, out _)).WithName("Page").WithMessage(Keyset.BadTokenMessage);
    }
}

public sealed class GetMyWorkHandler(IApplicationDbContext db, ICurrentUser user, IStaffDirectory staff, AuditTrail audit) : IRequestHandler<GetMyWork, MyWork>
{
    public async Task<MyWork> Handle(GetMyWork request, CancellationToken cancellationToken)
    {
        var me = user.Id;
        var search = SearchTerm.Read(request.Search, out _);
        Keyset.TryRead<DateTimeOffset>(request.After, request.Before, out var at);
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

        var mine = db.CareTeamMembers.AsNoTracking()
            .Where(m => m.MemberId == me && m.LeftAt == null && db.Spells.Any(s => s.Id == m.SpellId && s.EndedAt == null));
        var caseloadCount = await mine.CountAsync(cancellationToken);
        int? found = null;
        if (search is not null)
        {
            var spells = db.SpellsFound(search);
            mine = mine.Where(m => spells.Contains(m.SpellId));
            found = await mine.CountAsync(cancellationToken);
        }
        var fetched = await mine.PageAt(m => m.JoinedAt, m => m.Id, at, request.PageSize)
            .Select(m => new
            {
                m.Id, m.Role, m.JoinedAt,
                PreferredName = db.People.Where(p => p.Id == m.PersonId).Select(p => p.PreferredName).FirstOrDefault(),
                ReferralId = db.Referrals.Where(r => r.SpellId == m.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).First(),
                ReferralReference = db.Referrals.Where(r => r.SpellId == m.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).First(),
            }).ToListAsync(cancellationToken);

        var names = await staff.DisplayNames(offers.Select(o => o.FromUserId), cancellationToken);
        if (search is not null)
        {
            audit.RecordSearch("My work", search);
            await db.SaveChangesAsync(cancellationToken);
        }
        return new MyWork(
            offers.Select(o => new OfferedHandoff(o.Id, o.ReferralId, o.ReferralReference, o.Role, o.Note,
                names.TryGetValue(o.FromUserId, out var n) ? n : "A former member of staff", o.CreatedAt)).ToList(),
            Keyset.Finish(fetched, at, request.PageSize, c => c.JoinedAt, c => c.Id,
                c => new CaseloadRow(c.ReferralId, c.ReferralReference, c.PreferredName, c.Role, c.JoinedAt)),
            caseloadCount,
            found,
            member?.CaseloadCapacity ?? 0,
            member is not null);
    }
}

/// <summary>
/// Work waiting for a worker: people triaged into support with no lead worker yet, anyone with a
/// declined handoff not yet offered again (with who declined and why: never silently dropped), and
/// offers waiting for an answer. The first list is searched by reference, name, phone or email and
/// paged by keyset, longest waiting first; a search is an audited read.
/// </summary>
public sealed record GetAllocationQueue(string? Search = null, string? After = null, string? Before = null, int PageSize = Keyset.PageSize)
    : IRequest<AllocationQueue>;

public sealed record AllocationQueue(KeysetPage<UnallocatedRow> Unallocated, IReadOnlyList<WaitingHandoffRow> AwaitingAnswer);

/// <param name="Declines">Declined offers still to be dealt with, newest first: who declined and why.</param>
public sealed record UnallocatedRow(Guid ReferralId, string Reference, string? PersonName, DateTimeOffset SpellStartedAt, IReadOnlyList<DeclineRow> Declines);

public sealed record DeclineRow(string DeclinedBy, string Reason, DateTimeOffset At);

public sealed record WaitingHandoffRow(Guid ReferralId, string Reference, string ToName, CareTeamRole Role, DateTimeOffset OfferedAt);

public sealed class GetAllocationQueueValidator : AbstractValidator<GetAllocationQueue>
{
    public GetAllocationQueueValidator()
    {
        RuleFor(q => q.Search).ReadableSearch();
        RuleFor(q => q).Must(q => Keyset.TryRead<DateTimeOffset>(q.After, q.Before, out _)).WithName("Page").WithMessage(Keyset.BadTokenMessage);
    }
}

public sealed class GetAllocationQueueHandler(IApplicationDbContext db, IStaffDirectory staff, AuditTrail audit) : IRequestHandler<GetAllocationQueue, AllocationQueue>
{
    /// <summary>At most this many offers waiting for an answer are listed: they are answered within days.</summary>
    public const int Limit = 200;

    public async Task<AllocationQueue> Handle(GetAllocationQueue request, CancellationToken cancellationToken)
    {
        var search = SearchTerm.Read(request.Search, out _);
        Keyset.TryRead<DateTimeOffset>(request.After, request.Before, out var at);

        // Open spells with a referral triaged into support, no current lead and no lead offer waiting.
        var spells = db.Spells.AsNoTracking().Where(s => s.EndedAt == null
               && ((db.Referrals.Any(r => r.SpellId == s.Id && r.Status == ReferralStatus.Open)
                    && !db.CareTeamMembers.Any(m => m.SpellId == s.Id && m.LeftAt == null && m.Role == CareTeamRole.Lead)
                    && !db.Handoffs.Any(h => h.SpellId == s.Id && h.Status == HandoffStatus.Pending && h.Role == CareTeamRole.Lead))
                   // A declined offer stays visible until the work is offered again, lead or not.
                   || db.Handoffs.Any(h => h.SpellId == s.Id && h.Status == HandoffStatus.Declined && h.ResolvedAt == null)));
        var pending = db.Handoffs.AsNoTracking().Where(h => h.Status == HandoffStatus.Pending);
        if (search is not null)
        {
            var found = db.SpellsFound(search);
            spells = spells.Where(s => found.Contains(s.Id));
            pending = pending.Where(h => found.Contains(h.SpellId));
        }

        var fetched = await spells.PageAt(s => s.StartedAt, s => s.Id, at, request.PageSize)
            .Select(s => new
            {
                SpellId = s.Id, s.StartedAt,
                PersonName = db.People.Where(p => p.Id == s.PersonId).Select(p => p.PreferredName).FirstOrDefault(),
                ReferralId = db.Referrals.Where(r => r.SpellId == s.Id).OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).First(),
                ReferralReference = db.Referrals.Where(r => r.SpellId == s.Id).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).First(),
            }).ToListAsync(cancellationToken);

        var spellIds = fetched.Select(u => u.SpellId).ToList();
        var declines = await db.Handoffs.AsNoTracking()
            .Where(h => spellIds.Contains(h.SpellId) && h.Status == HandoffStatus.Declined && h.ResolvedAt == null)
            .Select(h => new { h.SpellId, h.ToMemberId, h.DeclineReason, h.DecidedAt })
            .ToListAsync(cancellationToken);

        var waiting = await (
            from h in pending
            orderby h.CreatedAt, h.Id
            select new
            {
                h.ToMemberId, h.Role, h.CreatedAt,
                ReferralId = db.Referrals.Where(r => r.SpellId == h.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).First(),
                ReferralReference = db.Referrals.Where(r => r.SpellId == h.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).First(),
            }).Take(Limit).ToListAsync(cancellationToken);

        var names = await staff.DisplayNames(declines.Select(d => d.ToMemberId).Concat(waiting.Select(w => w.ToMemberId)), cancellationToken);
        string NameOf(Guid id) => names.TryGetValue(id, out var n) ? n : "A former member of staff";

        if (search is not null)
        {
            audit.RecordSearch("Allocation queue", search);
            await db.SaveChangesAsync(cancellationToken);
        }

        var page = Keyset.Finish(fetched, at, request.PageSize, u => u.StartedAt, u => u.SpellId, u => new UnallocatedRow(u.ReferralId, u.ReferralReference,
            u.PersonName, u.StartedAt,
            declines.Where(d => d.SpellId == u.SpellId).OrderByDescending(d => d.DecidedAt)
                .Select(d => new DeclineRow(NameOf(d.ToMemberId), d.DeclineReason ?? string.Empty, d.DecidedAt!.Value)).ToList()));
        return new AllocationQueue(page,
            waiting.Select(w => new WaitingHandoffRow(w.ReferralId, w.ReferralReference, NameOf(w.ToMemberId), w.Role, w.CreatedAt)).ToList());
    }
}
