using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CommunityOffers.GetOffer;

/// <summary>One community offer with every detail, for an administrator to correct.</summary>
public sealed record GetCommunityOffer(Guid OfferId) : IRequest<CommunityOffer>;

public sealed class GetCommunityOfferHandler(IApplicationDbContext db) : IRequestHandler<GetCommunityOffer, CommunityOffer>
{
    public async Task<CommunityOffer> Handle(GetCommunityOffer request, CancellationToken cancellationToken) =>
        await db.CommunityOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OfferId, cancellationToken) ?? throw new NotFoundException("The offer");
}
