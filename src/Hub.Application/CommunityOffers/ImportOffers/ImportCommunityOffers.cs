using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.CommunityOffers.OpenReferral;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CommunityOffers.ImportOffers;

/// <summary>
/// Loads a directory in Open Referral UK form. Services already imported (same service id) are
/// updated, new ones added, and nothing else touched. A file with any problem changes nothing and
/// the report says what is wrong and where.
/// </summary>
public sealed record ImportCommunityOffers(string Json) : IRequest<ImportOffersResult>;

public sealed record ImportOffersResult(int Added, int Updated, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Terms this hub does not have, left out of the services that carried them (the rest of each service was imported).</summary>
    public IReadOnlyList<ImportProblem> LeftOut { get; init; } = [];
}

public sealed class ImportCommunityOffersHandler(IApplicationDbContext db, TimeProvider clock, Connect.HomeArea home) : IRequestHandler<ImportCommunityOffers, ImportOffersResult>
{
    public async Task<ImportOffersResult> Handle(ImportCommunityOffers request, CancellationToken cancellationToken)
    {
        var read = OpenReferralImport.Read(request.Json, clock.GetUtcNow(), home.Name);
        if (!read.Succeeded)
        {
            return new ImportOffersResult(0, 0, read.Problems);
        }

        var ids = read.Offers.Select(o => o.ExternalId).OfType<string>().ToList();
        var existing = new Dictionary<string, Domain.CommunityOffers.CommunityOffer>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var offer in await db.CommunityOffers.Where(o => o.ExternalId != null && chunk.Contains(o.ExternalId)).ToListAsync(cancellationToken))
            {
                existing[offer.ExternalId!] = offer;
            }
        }

        var (added, updated) = (0, 0);
        foreach (var offer in read.Offers)
        {
            if (offer.ExternalId is { } id && existing.TryGetValue(id, out var current))
            {
                current.TakeDetailsFrom(offer);
                updated++;
            }
            else
            {
                db.CommunityOffers.Add(offer);
                added++;
            }
        }
        if (!await db.TrySaveAsync(cancellationToken, SaveClash.Unique))
        {
            return new ImportOffersResult(0, 0, [new ImportProblem("file", "Another import added some of these services at the same moment, or two service ids differ only in capital letters. Nothing was imported: try again")]);
        }
        return new ImportOffersResult(added, updated, []) { LeftOut = read.LeftOut };
    }
}
