using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.Calendar;

/// <summary>One group's sessions as a calendar file.</summary>
public sealed record GetGroupCalendar(Guid GroupId) : IRequest<string>;

public sealed class GetGroupCalendarHandler(IApplicationDbContext db, TimeProvider clock, HubAddress site) : IRequestHandler<GetGroupCalendar, string>
{
    public async Task<string> Handle(GetGroupCalendar request, CancellationToken cancellationToken)
    {
        var group = await db.CommunityOffers.AsNoTracking().Where(o => o.Id == request.GroupId && o.Active)
            .Select(o => new CalendarGroup(o.Id, o.Name, o.Description, o.HowToJoin, o.LocationName, o.Address, o.Postcode, o.Sessions))
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The group");
        return GroupCalendar.Write(group.Name, [group], UkTime.Today(clock.GetUtcNow()), site);
    }
}
