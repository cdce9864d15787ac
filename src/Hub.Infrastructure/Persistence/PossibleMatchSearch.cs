using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Hub.Application.Referrals;
using Hub.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

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

    /// <summary>
    /// On PostgreSQL, the search and the suggestions' insert as one statement that runs after the send's
    /// direct inserts, in their command (docs/decisions/052): one round trip for the whole send, not two.
    /// Its search is the compiled query's, shape for shape (only the keys the person gave, newest first,
    /// never the incoming person or a merged-away record), and its reasons are
    /// <see cref="ReturningPersonMatch.Compare(Person, MatchKeys)"/> written in SQL: a key counts when it
    /// equals the incoming one, and the incoming person's missing keys have no arm at all.
    /// <c>PossibleMatchSuggestionTests</c> holds the two to the same answers.
    /// </summary>
    public bool SuggestInTheSave(Person incoming, Guid referralId, int limit)
    {
        if (!db.CanRunWithTheInserts)
        {
            return false;
        }
        var (phone, email, dateOfBirth, name) = (incoming.PhoneKey, incoming.EmailKey, incoming.DateOfBirth, incoming.NameKey);
        var shape = Shape(phone is not null, email is not null, dateOfBirth is not null && name is not null);
        if (shape == 0)
        {
            return true; // nothing to search by: no suggestions, as FindAsync would find none
        }
        var statements = SuggestionsPerModel.GetValue(db.Model, model => new string?[8]);
        var sql = statements[shape] ??= SuggestionSql(db, shape);
        // Made here, one per possible row, so a suggestion's id is a version 7 like every other row's.
        var ids = new Guid[limit];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Guid.CreateVersion7();
        }
        var parameters = new List<System.Data.Common.DbParameter>
        {
            new NpgsqlParameter<Guid>("@suggest_person", NpgsqlDbType.Uuid) { TypedValue = incoming.Id },
            new NpgsqlParameter<Guid>("@suggest_referral", NpgsqlDbType.Uuid) { TypedValue = referralId },
            new NpgsqlParameter<Guid[]>("@suggest_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids },
            new NpgsqlParameter<int>("@suggest_limit", NpgsqlDbType.Integer) { TypedValue = limit },
        };
        if ((shape & 1) != 0)
        {
            parameters.Add(new NpgsqlParameter<string>("@suggest_phone", NpgsqlDbType.Varchar) { TypedValue = phone });
        }
        if ((shape & 2) != 0)
        {
            parameters.Add(new NpgsqlParameter<string>("@suggest_email", NpgsqlDbType.Varchar) { TypedValue = email });
        }
        if ((shape & 4) != 0)
        {
            parameters.Add(new NpgsqlParameter<DateOnly>("@suggest_born", NpgsqlDbType.Date) { TypedValue = dateOfBirth!.Value });
            parameters.Add(new NpgsqlParameter<string>("@suggest_name", NpgsqlDbType.Varchar) { TypedValue = name });
        }
        db.RunWithTheInserts(new WithTheInserts(sql, parameters.ToArray(), MostRows: limit));
        return true;
    }

    private static readonly ConditionalWeakTable<IModel, string?[]> SuggestionsPerModel = [];

    /// <summary>The statement for one shape, its table and column names read from the model.</summary>
    private static string SuggestionSql(HubDbContext context, int shape)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var people = context.Model.FindEntityType(typeof(Person))!;
        var matches = context.Model.FindEntityType(typeof(PossibleMatch))!;
        string P(string property) => "p." + StoreNames.Column(people, property, sql);
        string M(string property) => StoreNames.Column(matches, property, sql);

        var arms = new List<string>();
        var reasons = new List<string>();
        if ((shape & 1) != 0)
        {
            arms.Add($"{P(nameof(Person.PhoneKey))} = @suggest_phone");
            reasons.Add($"CASE WHEN {P(nameof(Person.PhoneKey))} = @suggest_phone THEN {(int)MatchReasons.SamePhone} ELSE 0 END");
        }
        if ((shape & 2) != 0)
        {
            arms.Add($"{P(nameof(Person.EmailKey))} = @suggest_email");
            reasons.Add($"CASE WHEN {P(nameof(Person.EmailKey))} = @suggest_email THEN {(int)MatchReasons.SameEmail} ELSE 0 END");
        }
        if ((shape & 4) != 0)
        {
            var both = $"{P(nameof(Person.DateOfBirth))} = @suggest_born AND {P(nameof(Person.NameKey))} = @suggest_name";
            arms.Add($"({both})");
            reasons.Add($"CASE WHEN {both} THEN {(int)MatchReasons.SameNameAndDateOfBirth} ELSE 0 END");
        }
        var table = StoreNames.Table(matches, sql);
        var peopleTable = StoreNames.Table(people, sql);
        return $"INSERT INTO {table} ({M(nameof(PossibleMatch.Id))}, {M(nameof(PossibleMatch.ReferralId))}, {M(nameof(PossibleMatch.CandidatePersonId))}, "
            + $"{M(nameof(PossibleMatch.Reasons))}, {M(nameof(PossibleMatch.Decision))})\n"
            + $"SELECT (@suggest_ids)[c.n], @suggest_referral, c.id, c.reasons, {(int)MatchDecision.Pending}\n"
            + $"FROM (SELECT {P(nameof(Person.Id))} AS id, row_number() OVER (ORDER BY {P(nameof(Person.CreatedAt))} DESC) AS n, {string.Join(" | ", reasons)} AS reasons\n"
            + $"      FROM {peopleTable} AS p\n"
            + $"      WHERE {P(nameof(Person.MergedIntoPersonId))} IS NULL AND {P(nameof(Person.Id))} <> @suggest_person AND ({string.Join(" OR ", arms)})\n"
            + $"      ORDER BY {P(nameof(Person.CreatedAt))} DESC\n"
            + "      LIMIT @suggest_limit) AS c";
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
