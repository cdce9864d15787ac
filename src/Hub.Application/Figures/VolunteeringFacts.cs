using Hub.Application.Common.Interfaces;
using Hub.Application.Reports.Suppression;
using Hub.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Figures;

/// <summary>
/// Connect and Do's volunteer supporters in a period (docs/decisions/038): requests for someone to
/// come along made in it, matches made in it, outings that happened on a day in it, and requests
/// closed in it because the person now goes alone. Counted for the whole hub or a neighbourhood
/// (the group's); not for a team or sector, which volunteering does not belong to.
/// </summary>
public sealed record VolunteeringFacts(bool Counted, int Requests, int Matches, int OutingsHappened, int WentAlone)
{
    public static readonly VolunteeringFacts NotCounted = new(false, 0, 0, 0, 0);
}

/// <summary>The four volunteering counts as figures of a <see cref="FigurePack"/>, published with everything beside them.</summary>
public sealed record VolunteeringPackFigures(Figure Requests, Figure Matches, Figure OutingsHappened, Figure WentAlone)
{
    /// <summary>Registers the counts, in the order they are printed. None is a total or a part of another, so none is tied to any other figure.</summary>
    public static VolunteeringPackFigures Register(FigurePack pack, VolunteeringFacts facts) =>
        new(pack.Count(facts.Requests), pack.Count(facts.Matches), pack.Count(facts.OutingsHappened), pack.Count(facts.WentAlone));

    public IReadOnlyList<Figure> All => [Requests, Matches, OutingsHappened, WentAlone];

    /// <summary>The counts published on their own (the team leader's dashboard), under the same rule as the pack.</summary>
    public static IReadOnlyList<(string Label, SuppressedValue Value)> PublishAlone(VolunteeringFacts facts)
    {
        var pack = new FigurePack();
        var figures = Register(pack, facts);
        var published = pack.Publish();
        return figures.All.Select((f, i) => (Labels[i], published[f])).ToList();
    }

    public static readonly IReadOnlyList<string> Labels =
    [
        "Requests for someone to come along",
        "Requests matched to a volunteer",
        "Outings that happened",
        "People who went on to go alone",
    ];
}

internal static class VolunteeringFactLoading
{
    /// <summary>Four counts, four commands, whatever the number of rows.</summary>
    public static async Task<VolunteeringFacts> LoadVolunteeringAsync(this IApplicationDbContext db, FigureFilter filter, CancellationToken cancellationToken)
    {
        if (filter.TeamId is not null || filter.Sector is not null)
        {
            return VolunteeringFacts.NotCounted;
        }
        var (start, end, from, to) = (filter.Start, filter.End, filter.From, filter.To);
        var hood = string.IsNullOrWhiteSpace(filter.Neighbourhood) ? null : filter.Neighbourhood;
        var offers = db.CommunityOffers.AsNoTracking().Where(o => hood == null || o.Neighbourhood == hood).Select(o => o.Id);
        var requests = db.SupportRequests.AsNoTracking().Where(r => offers.Contains(r.OfferId));
        return new VolunteeringFacts(true,
            await requests.CountAsync(r => r.AskedAt >= start && r.AskedAt < end, cancellationToken),
            await db.SupportMatches.AsNoTracking().CountAsync(m => m.MatchedAt >= start && m.MatchedAt < end && requests.Any(r => r.Id == m.RequestId), cancellationToken),
            await db.Outings.AsNoTracking().CountAsync(o => o.Happened && o.On >= from && o.On <= to && requests.Any(r => r.Id == o.RequestId), cancellationToken),
            await requests.CountAsync(r => r.Closure == RequestClosure.GoingAloneNow && r.ClosedAt >= start && r.ClosedAt < end, cancellationToken));
    }
}
