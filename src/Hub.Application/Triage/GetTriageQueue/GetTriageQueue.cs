using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Paging;
using Hub.Application.Common.Searching;
using Hub.Application.Common.Validation;
using Hub.Application.Reports;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Triage;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Triage.GetTriageQueue;

/// <summary>Which referrals the queue lists. Triaged and closed ones are for team leaders: a practitioner's part ends at the front door.</summary>
public enum QueueStatus
{
    Waiting = 0,
    Triaged = 1,
    Closed = 2,
    All = 3,
}

/// <summary>How long the referrals have waited.</summary>
public enum WaitFilter
{
    Any = 0,

    /// <summary>Past the promise of first contact within two working days, and no contact yet.</summary>
    FirstContactOverdue = 1,
    AWeekOrMore = 2,
    ThreeWeeksOrMore = 3,
}

/// <summary>Whose pick-up the referrals carry.</summary>
public enum PickUpFilter
{
    Any = 0,
    Nobody = 1,
    Me = 2,

    /// <summary>The member named in <see cref="GetTriageQueue.PickedUpBy"/>.</summary>
    Member = 3,
}

public enum QueueOrder
{
    OldestFirst = 0,
    NewestFirst = 1,
}

/// <summary>
/// The triage queue as a team's shared work: search by reference, phone, email or name, filter,
/// sort by waiting time, a page at a time by keyset (<see cref="Keyset"/>): <paramref name="After"/>
/// or <paramref name="Before"/> is the token of the row a page starts after or before, ordered by
/// when the referral arrived and then its id, so a deep page costs what the first does and ties are
/// never skipped or shown twice. A search is an audited read.
/// </summary>
public sealed record GetTriageQueue(
    string? Search = null,
    QueueStatus Status = QueueStatus.Waiting,
    WaitFilter Waiting = WaitFilter.Any,
    ReferralSource? Source = null,
    string? Neighbourhood = null,
    PickUpFilter PickedUp = PickUpFilter.Any,
    Guid? PickedUpBy = null,
    QueueOrder Order = QueueOrder.OldestFirst,
    string? After = null,
    string? Before = null,
    int PageSize = Keyset.PageSize) : IRequest<TriageQueuePage>;

/// <summary>Who is picking a referral up, and since when.</summary>
public sealed record PickUpLine(Guid UserId, string Name, DateTimeOffset Since, bool IsMe);

public sealed record TriageQueueRow(
    Guid ReferralId,
    string Reference,
    ReferralStatus Status,
    DateTimeOffset ReceivedAt,
    int DaysWaiting,
    DateOnly FirstContactDueBy,
    bool FirstContactOverdue,
    ReferralSource Source,
    string? PreferredName,
    string? Neighbourhood,
    ContactMethod ContactMethod,
    bool? SafeToLeaveMessage,
    string? PreferredLanguage,
    bool InterpreterNeeded,
    bool HasAccessNeeds,
    bool HasPossibleMatch,
    PickUpLine? PickedUp);

/// <summary>A member of staff holding pick-ups in the queue, for the "picked up by" filter.</summary>
public sealed record PickUpHolder(Guid UserId, string Name);

/// <param name="Matching">Referrals matching the filters, counted up to <see cref="GetTriageQueueHandler.CountLimit"/>.</param>
/// <param name="MatchingAtLeast">True when there are more than <paramref name="Matching"/>: the count stopped there.</param>
public sealed record TriageQueuePage(
    IReadOnlyList<TriageQueueRow> Rows,
    string? Next,
    string? Previous,
    int Matching,
    bool MatchingAtLeast,
    IReadOnlyList<string> Neighbourhoods,
    IReadOnlyList<PickUpHolder> Holders,
    bool CanSeeTriaged);

public sealed class GetTriageQueueValidator : AbstractValidator<GetTriageQueue>
{
    public GetTriageQueueValidator(ICurrentUser user)
    {
        RuleFor(q => q.Search).SafeText("Search", SearchTerm.MaxLength, multiline: false);
        RuleFor(q => q.Search).Must(s => SearchTerm.Read(s, out var problem) is not null || problem is null)
            .WithMessage(q => { SearchTerm.Read(q.Search, out var problem); return problem; })
            .When(q => q.Search is { Length: <= SearchTerm.MaxLength });
        RuleFor(q => q.Status).IsInEnum().WithMessage("Select which referrals to show");
        RuleFor(q => q.Status).Must(s => s == QueueStatus.Waiting || user.IsInRole(Roles.TeamLeader))
            .WithMessage("Only team leaders can look through triaged and closed referrals; this queue shows those waiting for triage");
        RuleFor(q => q.Waiting).IsInEnum().WithMessage("Select how long the referrals have waited");
        RuleFor(q => q.Source).IsInEnum().WithMessage("Select who made the referral");
        RuleFor(q => q.Neighbourhood).SafeText("Neighbourhood", 100, multiline: false);
        RuleFor(q => q.PickedUp).IsInEnum().WithMessage("Select who picked the referrals up");
        RuleFor(q => q.PickedUpBy).NotNull().WithMessage("Select who picked the referrals up").When(q => q.PickedUp == PickUpFilter.Member);
        RuleFor(q => q.Order).IsInEnum().WithMessage("Select an order");
        RuleFor(q => q).Must(q => Keyset.TryRead<DateTimeOffset>(q.After, q.Before, out _)).WithName("Page").WithMessage(Keyset.BadTokenMessage);
    }
}

public sealed class GetTriageQueueHandler(IApplicationDbContext db, ICurrentUser user, IStaffDirectory staff, AuditTrail audit,
    UkWorkingDays workingDays, TimeProvider clock) : IRequestHandler<GetTriageQueue, TriageQueuePage>
{
    /// <summary>Counting stops here, so a count over years of history costs no more than this many index entries.</summary>
    public const int CountLimit = 1000;

    public async Task<TriageQueuePage> Handle(GetTriageQueue request, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, 200);
        var now = clock.GetUtcNow();
        var me = user.Id;
        var search = SearchTerm.Read(request.Search, out _);

        var referrals = db.Referrals.AsNoTracking();
        referrals = request.Status switch
        {
            QueueStatus.Waiting => referrals.Where(r => r.Status == ReferralStatus.AwaitingTriage),
            QueueStatus.Triaged => referrals.Where(r => r.Status == ReferralStatus.Open),
            QueueStatus.Closed => referrals.Where(r => r.Status == ReferralStatus.Closed),
            _ => referrals,
        };
        if (request.Source is { } source)
        {
            referrals = referrals.Where(r => r.Source == source);
        }
        switch (request.Waiting)
        {
            case WaitFilter.FirstContactOverdue:
                var overdueBefore = workingDays.FirstContactOverdueBefore(now);
                referrals = referrals.Where(r => r.ReceivedAt < overdueBefore && !db.Contacts.Any(c => c.ReferralId == r.Id && c.Attended));
                break;
            case WaitFilter.AWeekOrMore:
                var weekBefore = UkCalendar.StartOfDay(UkCalendar.DayOf(now).AddDays(-6));
                referrals = referrals.Where(r => r.ReceivedAt < weekBefore);
                break;
            case WaitFilter.ThreeWeeksOrMore:
                var threeWeeksBefore = UkCalendar.StartOfDay(UkCalendar.DayOf(now).AddDays(-20));
                referrals = referrals.Where(r => r.ReceivedAt < threeWeeksBefore);
                break;
        }
        referrals = request.PickedUp switch
        {
            PickUpFilter.Nobody => referrals.Where(r => !db.TriagePickUps.Any(p => p.ReferralId == r.Id)),
            PickUpFilter.Me => referrals.Where(r => db.TriagePickUps.Any(p => p.ReferralId == r.Id && p.PickedUpByUserId == me)),
            PickUpFilter.Member when request.PickedUpBy is { } member => referrals.Where(r => db.TriagePickUps.Any(p => p.ReferralId == r.Id && p.PickedUpByUserId == member)),
            _ => referrals,
        };
        if (search is not null)
        {
            referrals = Search(referrals, search);
        }
        var people = db.People.AsNoTracking();
        if (request.Neighbourhood is { Length: > 0 } neighbourhood)
        {
            people = people.Where(p => p.Neighbourhood == neighbourhood);
        }
        var matching = referrals.Join(people, r => r.PersonId, p => p.Id, (r, p) => r);

        Keyset.TryRead<DateTimeOffset>(request.After, request.Before, out var at);
        var newestFirst = request.Order == QueueOrder.NewestFirst;
        var page = matching.PageAt(r => r.ReceivedAt, r => r.Id, at, pageSize, descending: newestFirst);
        var projected =
                from r in page
                join p in db.People on r.PersonId equals p.Id
                join u in db.TriagePickUps on r.Id equals u.ReferralId into pickUps
                from u in pickUps.DefaultIfEmpty()
                select new
                {
                    r.Id,
                    r.Reference,
                    r.Status,
                    r.ReceivedAt,
                    r.Source,
                    p.PreferredName,
                    p.Neighbourhood,
                    p.Contact.PreferredMethod,
                    p.Contact.SafeToLeaveMessage,
                    p.Communication.PreferredLanguage,
                    InterpreterNeeded = p.Communication.InterpreterNeeded == true,
                    HasAccessNeeds = p.Communication.AccessNeeds != null,
                    HasPossibleMatch = db.PossibleMatches.Any(m => m.ReferralId == r.Id && m.Decision == MatchDecision.Pending),
                    Contacted = db.Contacts.Any(c => c.ReferralId == r.Id && c.Attended),
                    PickedUpBy = u == null ? (Guid?)null : u.PickedUpByUserId,
                    PickedUpAt = u == null ? (DateTimeOffset?)null : u.PickedUpAt,
                };
        // The joins keep the page's rows but not their order: the database orders them again as it
        // fetched them (towards smaller keys when reading back), so its own comparison of ids decides ties.
        var smaller = (at?.Before ?? false) != newestFirst;
        var found = await (smaller
                ? projected.OrderByDescending(x => x.ReceivedAt).ThenByDescending(x => x.Id)
                : projected.OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id))
            .ToListAsync(cancellationToken);
        var shown = Keyset.Finish(found, at, pageSize, x => x.ReceivedAt, x => x.Id, x => x);
        var rows = shown.Rows;

        var counted = await matching.Take(CountLimit + 1).CountAsync(cancellationToken);

        // Who holds pick-ups in the waiting queue, for the filter: the waiting queue is small at any size of history.
        var holderIds = await db.TriagePickUps.AsNoTracking()
            .Where(u => db.Referrals.Any(r => r.Id == u.ReferralId && r.Status == ReferralStatus.AwaitingTriage))
            .Select(u => u.PickedUpByUserId).Distinct().ToListAsync(cancellationToken);
        var nameIds = holderIds.Concat(rows.Where(r => r.PickedUpBy is not null).Select(r => r.PickedUpBy!.Value)).Append(me).Distinct().ToList();
        var names = await staff.DisplayNames(nameIds, cancellationToken);
        string NameOf(Guid id) => names.TryGetValue(id, out var name) ? name : "A former member of staff";

        var neighbourhoods = await ReportScopes.NeighbourhoodsAsync(db, cancellationToken);

        if (search is not null)
        {
            // A search reaches across people, so it is a read of their records: who searched, when
            // and for what kind of thing, never the words typed (they are a name, a number, an address).
            audit.Record(AuditAction.View, null, "ReferralSearch", Guid.Empty, $"Triage queue: search by {search.Describe()}");
            await db.SaveChangesAsync(cancellationToken);
        }

        var result = rows.Select(r => new TriageQueueRow(r.Id, r.Reference, r.Status, r.ReceivedAt, UkTime.DaysBetween(r.ReceivedAt, now),
            workingDays.FirstContactDueBy(r.ReceivedAt),
            r.Status == ReferralStatus.AwaitingTriage && !r.Contacted && workingDays.IsFirstContactOverdue(r.ReceivedAt, now),
            r.Source, r.PreferredName, r.Neighbourhood, r.PreferredMethod, r.SafeToLeaveMessage, r.PreferredLanguage, r.InterpreterNeeded, r.HasAccessNeeds, r.HasPossibleMatch,
            r.PickedUpBy is { } by ? new PickUpLine(by, NameOf(by), r.PickedUpAt!.Value, by == me) : null)).ToList();
        var holders = holderIds.Select(id => new PickUpHolder(id, NameOf(id))).OrderBy(h => h.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new TriageQueuePage(result, shown.Next, shown.Previous, Math.Min(counted, CountLimit), counted > CountLimit, neighbourhoods, holders, user.IsInRole(Roles.TeamLeader));
    }

    private IQueryable<Referral> Search(IQueryable<Referral> referrals, SearchTerm search)
    {
        switch (search.Kind)
        {
            case SearchKind.Reference:
                return referrals.Where(r => r.Reference == search.Value);
            case SearchKind.Phone:
                var byPhone = db.People.Where(p => p.PhoneKey == search.Value).Select(p => p.Id);
                return referrals.Where(r => byPhone.Contains(r.PersonId));
            case SearchKind.Email:
                var byEmail = db.People.Where(p => p.EmailKey == search.Value).Select(p => p.Id);
                return referrals.Where(r => byEmail.Contains(r.PersonId));
            default:
                var pattern = search.ContainsPattern();
                var byName = db.People.Where(p => EF.Functions.Like(p.NameKey!, pattern, "\\")).Select(p => p.Id);
                return referrals.Where(r => byName.Contains(r.PersonId));
        }
    }
}
