using System.Runtime.CompilerServices;
using Hub.Application.Referrals;
using Hub.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// The send's possible-match search as one compiled query (docs/decisions/047): the same LINQ and SQL
/// as before, without the per-call expression tree and query-cache look-up. Each test of the incoming
/// person is a plain parameter, so the provider never evaluates our code inside the query. A compiled
/// query belongs to the model it was first run with, so there is one per model: a process that holds
/// two providers (the tests, an operator's copy between databases) gets one for each.
/// </summary>
internal sealed class PossibleMatchSearch(HubDbContext db) : IPossibleMatchSearch
{
    private static readonly ConditionalWeakTable<IModel, Func<HubDbContext, Guid, bool, string?, bool, string?, bool, DateOnly?, string?, int, IAsyncEnumerable<MatchKeys>>> QueryPerModel = [];

    private static Func<HubDbContext, Guid, bool, string?, bool, string?, bool, DateOnly?, string?, int, IAsyncEnumerable<MatchKeys>> Compile() =>
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
        var query = QueryPerModel.GetValue(db.Model, _ => Compile());
        await foreach (var keys in query(db, incoming.Id, phone is not null, phone, email is not null, email,
                           dateOfBirth is not null && name is not null, dateOfBirth, name, limit).WithCancellation(cancellationToken))
        {
            found.Add(keys);
        }
        return found;
    }
}
