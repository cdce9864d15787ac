using Hub.Domain.People;

namespace Hub.Application.Referrals;

/// <summary>
/// The possible-match search of a send: the keys of the newest earlier records sharing the incoming
/// person's phone, email, or name and date of birth (never whole records). Infrastructure runs it as
/// a compiled query, so the send does not rebuild and look up the query's expression every time
/// (docs/decisions/047).
/// </summary>
public interface IPossibleMatchSearch
{
    /// <summary>At most <paramref name="limit"/> candidates, newest first; never the incoming person or a merged-away record.</summary>
    Task<List<MatchKeys>> FindAsync(Person incoming, int limit, CancellationToken cancellationToken);
}
