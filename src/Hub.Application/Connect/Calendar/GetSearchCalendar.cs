using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.Calendar;

/// <summary>Every group a search finds (up to <see cref="GetSearchCalendarHandler.MaxGroups"/>, free first) as one calendar file.</summary>
public sealed record GetSearchCalendar(DirectoryFilter Filter) : IRequest<string>;

public sealed class GetSearchCalendarHandler(IApplicationDbContext db, TimeProvider clock, HubAddress site) : IRequestHandler<GetSearchCalendar, string>
{
    /// <summary>A calendar is for a few groups someone means to go to; a whole borough would drown a phone.</summary>
    public const int MaxGroups = 50;

    public async Task<string> Handle(GetSearchCalendar request, CancellationToken cancellationToken)
    {
        var groups = await db.CommunityOffers.AsNoTracking().Listed(request.Filter).FreeFirst().Take(MaxGroups)
            .Select(o => new CalendarGroup(o.Id, o.Name, o.Description, o.HowToJoin, o.LocationName, o.Address, o.Postcode, o.Sessions))
            .ToListAsync(cancellationToken);
        return GroupCalendar.Write($"Connect and Do: {request.Filter.Area}", groups, UkTime.Today(clock.GetUtcNow()), site);
    }
}
