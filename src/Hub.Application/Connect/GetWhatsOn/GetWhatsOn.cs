using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.GetWhatsOn;

/// <summary>
/// What's on this week, a day at a time, built from the groups' regular sessions: the seven days from
/// today (UK), and for the chosen day the groups that meet then, mornings first.
/// </summary>
public sealed record GetWhatsOn(DirectoryFilter Filter, int DayOffset = 0, int Page = 1) : IRequest<WhatsOn>;

/// <summary>A page of one day: <see cref="Total"/> is counted up to <see cref="GetWhatsOnHandler.CountAhead"/> past this page, and <see cref="More"/> says there are more.</summary>
public sealed record WhatsOn(IReadOnlyList<DateOnly> Week, DateOnly Day, int DayOffset, IReadOnlyList<WhatsOnEntry> Entries, int Total, int Page, int PageSize, bool More = false)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    /// <summary>A later page exists (there may be more pages than <see cref="Pages"/> when <see cref="More"/>).</summary>
    public bool HasNext => Page < Pages || More;
}

/// <summary>A group on the day: its sessions that day and the part of the day it starts in.</summary>
public sealed record WhatsOnEntry(Guid Id, string Name, string? Neighbourhood, IReadOnlyList<OfferSession> Sessions, PartOfDay StartsIn, bool IsFree, bool PeerLed, OfferAccess Access);

public sealed class GetWhatsOnHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<GetWhatsOn, WhatsOn>
{
    public const int PageSize = 30;
    public const int MaxPage = 500;

    /// <summary>How far past the page shown the day's groups are counted: ten pages.</summary>
    public const int CountAhead = 10 * PageSize;

    // Two commands whatever the directory holds: the day's page and its count (stopping CountAhead past this page).
    public async Task<WhatsOn> Handle(GetWhatsOn request, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock.GetUtcNow());
        var week = Enumerable.Range(0, 7).Select(today.AddDays).ToList();
        var offset = Math.Clamp(request.DayOffset, 0, 6);
        var day = week[offset];
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var morning = OfferWeek.Bit(day.DayOfWeek, PartOfDay.Morning);
        var afternoon = OfferWeek.Bit(day.DayOfWeek, PartOfDay.Afternoon);
        var wholeDay = OfferWeek.Mask(day.DayOfWeek, null);
        var skip = (page - 1) * PageSize;
        // The day's slots, the morning and the afternoon are written into the SQL as constants, never
        // parameters: on PostgreSQL each day of the week has an index of listed offers meeting that day
        // (WHERE Active AND WeekSlots & day <> 0), keyed (Area, the part of the day it starts in, Name,
        // Id) in exactly this ORDER BY (migration DirectoryDayIndexes, docs/decisions/046). The planner
        // matches that predicate and expression only when it sees the same constants, so the day's page
        // is an index range of one page and its count an index-only range, however many groups meet
        // that day. The other providers read the same query without those indexes.
        var matching = db.CommunityOffers.AsNoTracking().Listed(request.Filter.On(day.DayOfWeek))
            .Where(o => (o.WeekSlots & EF.Constant(wholeDay)) != 0);
        var rows = await matching
            .OrderBy(o => (o.WeekSlots & EF.Constant(morning)) != 0 ? 0 : (o.WeekSlots & EF.Constant(afternoon)) != 0 ? 1 : 2)
            .ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Skip(skip).Take(PageSize)
            .Select(o => new { o.Id, o.Name, o.Neighbourhood, o.Sessions, o.IsFree, o.PeerLed, o.Access, o.WeekSlots })
            .ToListAsync(cancellationToken);
        // Counted in no order (a count needs none); on PostgreSQL the day's index answers it without the table.
        var ahead = await CountedAhead.CountAsync(matching, skip, CountAhead, cancellationToken);
        var entries = rows.Select(o => new WhatsOnEntry(o.Id, o.Name, o.Neighbourhood, o.Sessions.Where(s => s.Day == day.DayOfWeek).ToList(),
            (o.WeekSlots & morning) != 0 ? PartOfDay.Morning : (o.WeekSlots & afternoon) != 0 ? PartOfDay.Afternoon : PartOfDay.Evening,
            o.IsFree, o.PeerLed, o.Access)).ToList();
        return new WhatsOn(week, day, offset, entries, ahead.Total, page, PageSize, ahead.More);
    }
}
