using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect;

/// <summary>
/// How many match, counted up to a fixed distance past the page shown: the cost of
/// the count is then bounded by how deep the person has paged, never by how much the directory holds
/// (docs/decisions/043). <see cref="More"/> says the count stopped, so there are more than
/// <see cref="Total"/> and the page says "more than". An address paged past the end still gets the
/// true number, as the count starts from the first match.
/// </summary>
public readonly record struct CountedAhead(int Total, bool More)
{
    /// <param name="matching">The matches (in an order an index holds, or none, so the database can stop at the limit).</param>
    public static async Task<CountedAhead> CountAsync<T>(IQueryable<T> matching, int skip, int ahead, CancellationToken cancellationToken)
    {
        var upTo = skip + ahead;
        var counted = await matching.Take(upTo + 1).CountAsync(cancellationToken);
        return new CountedAhead(Math.Min(counted, upTo), counted > upTo);
    }
}
