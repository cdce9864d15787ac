using Hub.Application.Common.Interfaces;
using Hub.Application.CommunityOffers.OpenReferral;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CommunityOffers.ExportOffers;

/// <summary>Every offer in the directory, active or not, as Open Referral UK services (JSON).</summary>
public sealed record ExportCommunityOffers : IRequest<string>;

public sealed class ExportCommunityOffersHandler(IApplicationDbContext db) : IRequestHandler<ExportCommunityOffers, string>
{
    public async Task<string> Handle(ExportCommunityOffers request, CancellationToken cancellationToken) =>
        OpenReferralExport.Write(await db.CommunityOffers.AsNoTracking().ToListAsync(cancellationToken));
}
