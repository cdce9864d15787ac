using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.GetGroup;

/// <summary>One listed group as the public sees it. Only what the organiser published: nothing about who the hub knows.</summary>
public sealed record GetPublicGroup(Guid GroupId) : IRequest<PublicGroup>;

public sealed record PublicGroup(Guid Id, string Name, string Organisation, string? Description, string? WhoFor, string? HowToJoin, bool BringSomeoneFirstTime,
    IReadOnlyList<OfferSession> Sessions, string? ScheduleNote, string? Area, string? Neighbourhood, string? LocationName, string? Address, string? Postcode,
    bool IsFree, string? CostNote, bool PeerLed, OfferInterest Interests, OfferAccess Access, IReadOnlyList<string> Languages, string? Phone, string? Email, string? Url,
    DateTimeOffset UpdatedAt)
{
    public string? When => ConnectTimes.Schedule(Sessions, ScheduleNote);
}

public sealed class GetPublicGroupHandler(IApplicationDbContext db) : IRequestHandler<GetPublicGroup, PublicGroup>
{
    public async Task<PublicGroup> Handle(GetPublicGroup request, CancellationToken cancellationToken) =>
        await db.CommunityOffers.AsNoTracking().Where(o => o.Id == request.GroupId && o.Active)
            .Select(o => new PublicGroup(o.Id, o.Name, o.OrganisationName, o.Description, o.WhoFor, o.HowToJoin, o.BringSomeoneFirstTime, o.Sessions, o.ScheduleNote,
                o.Area, o.Neighbourhood, o.LocationName, o.Address, o.Postcode, o.IsFree, o.CostNote, o.PeerLed, o.Interests, o.Access, o.Languages, o.Phone, o.Email, o.Url, o.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("The group");
}
