using Hub.Domain.CommunityOffers;

namespace Hub.Application.Connect;

/// <summary>
/// Exact totals of directory queries, counted once per version of the directory and then remembered
/// (Infrastructure: the version changes in the same transaction as any change to an offer), so a
/// reader who asks for the same filter again, or for its next page, is not given a recount of every
/// match (docs/decisions/050).
/// </summary>
public interface IDirectoryTotals
{
    /// <summary>
    /// How many offers <paramref name="matching"/> holds. <paramref name="filter"/> names the query: it
    /// must compare by value (a record) and say everything that decides which offers match, as the total
    /// remembered under it is given to any later request with an equal filter until the directory
    /// changes.
    /// </summary>
    Task<int> CountAsync(object filter, IQueryable<CommunityOffer> matching, CancellationToken cancellationToken);
}
