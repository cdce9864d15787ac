using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.OpenReferralApi.GetService;

/// <summary>
/// One published service by its Open Referral id (<c>GET /services/{id}</c>): the id it was imported
/// with, or the hub's own. Unpublished, closed or unknown: not found, in the same words, so the API
/// never tells which.
/// </summary>
public sealed record GetOpenReferralService(string Id) : IRequest<CommunityOffer>;

public sealed class GetOpenReferralServiceHandler(IApplicationDbContext db) : IRequestHandler<GetOpenReferralService, CommunityOffer>
{
    public async Task<CommunityOffer> Handle(GetOpenReferralService request, CancellationToken cancellationToken)
    {
        var id = request.Id.Trim();
        if (id.Length is 0 or > CommunityOffer.NameMaxLength)
        {
            throw new NotFoundException("The service");
        }
        var query = db.CommunityOffers.AsNoTracking().Where(o => o.Active);
        // The API gives each service a UUID: the imported id when it is one (in any letter case), else ours.
        query = Guid.TryParse(id, out var guid)
            ? query.Where(o => o.Id == guid || o.ExternalId == id || o.ExternalId == guid.ToString("D"))
            : query.Where(o => o.ExternalId == id);
        return await query.OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The service");
    }
}
