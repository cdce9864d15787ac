using Hub.Application.Referrals;
using Hub.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// The send's possible-match search as one compiled query (docs/decisions/047): the same LINQ and SQL
/// as before, without the per-call expression tree and query-cache look-up. Each test of the incoming
/// person is a plain parameter, so the provider never evaluates our code inside the query.
/// </summary>
internal sealed class PossibleMatchSearch(HubDbContext db) : IPossibleMatchSearch
{
    private static readonly Func<HubDbContext, Guid, bool, string?, bool, string?, bool, DateOnly?, string?, int, IAsyncEnumerable<MatchKeys>> Query =
        EF.CompileAsyncQuery((HubDbContext context, Guid id, bool byPhone, string? phone, bool byEmail, string? email, bool byNameAndBirth, DateOnly? dateOfBirth, string? name, int limit) =>
            context.People.AsNoTracking()
                .Where(p => p.MergedIntoPersonId == null && p.Id != id)
                .Where(p => (byPhone && p.PhoneKey == phone)
                         || (byEmail && p.EmailKey == email)
                         || (byNameAndBirth && p.DateOfBirth == dateOfBirth && p.NameKey == name))
                .OrderByDescending(p => p.CreatedAt)
                .Take(limit)
                .Select(p => new MatchKeys(p.Id, p.PhoneKey, p.EmailKey, p.DateOfBirth, p.NameKey)));

    public async Task<List<MatchKeys>> FindAsync(Person incoming, int limit, CancellationToken cancellationToken)
    {
        var (phone, email, dateOfBirth, name) = (incoming.PhoneKey, incoming.EmailKey, incoming.DateOfBirth, incoming.NameKey);
        var found = new List<MatchKeys>(limit);
        await foreach (var keys in Query(db, incoming.Id, phone is not null, phone, email is not null, email,
                           dateOfBirth is not null && name is not null, dateOfBirth, name, limit).WithCancellation(cancellationToken))
        {
            found.Add(keys);
        }
        return found;
    }
}
