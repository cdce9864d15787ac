using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Hub.Application.Referrals;
using Hub.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// The send's possible-match search as compiled queries (docs/decisions/047, 051). There is one query
/// for each combination of keys the incoming person has (phone, email, name and date of birth), and it
/// tests only those keys: its SQL is a plain OR of indexed equalities, with no switch parameters and
/// no "IS NULL" arm for a key the person left out. It is prepared on PostgreSQL (tagged for
/// <see cref="Providers.PreparedStatements"/>), and its generic plan reads only the matching index
/// entries, so the search is not planned on every send
/// (a generic plan of one query with switches had to allow every arm, and read the people with no
/// email). A compiled query belongs to the model it was first run with, so the set is kept per model:
/// a process that holds two providers (the tests, an operator's copy between databases) gets one each.
/// </summary>
internal sealed class PossibleMatchSearch(HubDbContext db) : IPossibleMatchSearch
{
    private delegate IAsyncEnumerable<MatchKeys> Search(HubDbContext context, Guid id, string? phone, string? email, DateOnly? dateOfBirth, string? name, int limit);

    private static readonly ConditionalWeakTable<IModel, Search?[]> QueriesPerModel = [];

    /// <summary>The search with every key; each shape is this with the keys it lacks switched off before it is compiled.</summary>
    private static readonly Expression<Func<HubDbContext, Guid, bool, string?, bool, string?, bool, DateOnly?, string?, int, IQueryable<MatchKeys>>> AllKeys =
        (context, id, byPhone, phone, byEmail, email, byNameAndBirth, dateOfBirth, name, limit) =>
            context.People.AsNoTracking().TagWith(Providers.PreparedStatements.Tag)
                .Where(p => p.MergedIntoPersonId == null && p.Id != id)
                .Where(p => (byPhone && p.PhoneKey == phone)
                         || (byEmail && p.EmailKey == email)
                         || (byNameAndBirth && p.DateOfBirth == dateOfBirth && p.NameKey == name))
                .OrderByDescending(p => p.CreatedAt)
                .Take(limit)
                .Select(p => new MatchKeys(p.Id, p.PhoneKey, p.EmailKey, p.DateOfBirth, p.NameKey));

    public async Task<List<MatchKeys>> FindAsync(Person incoming, int limit, CancellationToken cancellationToken)
    {
        var (phone, email, dateOfBirth, name) = (incoming.PhoneKey, incoming.EmailKey, incoming.DateOfBirth, incoming.NameKey);
        var shape = Shape(phone is not null, email is not null, dateOfBirth is not null && name is not null);
        var found = new List<MatchKeys>(limit);
        if (shape == 0)
        {
            return found;
        }
        var queries = QueriesPerModel.GetValue(db.Model, _ => new Search?[8]);
        var query = queries[shape] ??= Compile(shape);
        await foreach (var keys in query(db, incoming.Id, phone, email, dateOfBirth, name, limit).WithCancellation(cancellationToken))
        {
            found.Add(keys);
        }
        return found;
    }

    private static int Shape(bool byPhone, bool byEmail, bool byNameAndBirth) => (byPhone ? 1 : 0) | (byEmail ? 2 : 0) | (byNameAndBirth ? 4 : 0);

    /// <summary>
    /// <see cref="AllKeys"/> with its three switches made constants: EF leaves a constant-false arm out of
    /// the SQL and drops a constant-true test, so only the shape's own equalities remain.
    /// </summary>
    private static Search Compile(int shape)
    {
        var switches = new[] { AllKeys.Parameters[2], AllKeys.Parameters[4], AllKeys.Parameters[6] };
        var body = new SwitchesAsConstants(switches, [(shape & 1) != 0, (shape & 2) != 0, (shape & 4) != 0]).Visit(AllKeys.Body);
        var p = AllKeys.Parameters;
        var lambda = Expression.Lambda<Func<HubDbContext, Guid, string?, string?, DateOnly?, string?, int, IQueryable<MatchKeys>>>(body, p[0], p[1], p[3], p[5], p[7], p[8], p[9]);
        var compiled = EF.CompileAsyncQuery(lambda);
        return (context, id, phone, email, dateOfBirth, name, limit) => compiled(context, id, phone, email, dateOfBirth, name, limit);
    }

    private sealed class SwitchesAsConstants(ParameterExpression[] switches, bool[] values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            var index = Array.IndexOf(switches, node);
            return index >= 0 ? Expression.Constant(values[index]) : node;
        }
    }
}
