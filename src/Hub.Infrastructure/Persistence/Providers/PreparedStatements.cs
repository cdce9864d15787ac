using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Hub.Infrastructure.Persistence.Providers;

/// <summary>
/// Prepares on PostgreSQL the statements a busy hub repeats most and that plan the same whatever their
/// values (docs/decisions/051): the send's match search and its inserts, and the sealer's update. A
/// statement opts in by starting with <see cref="Tag"/> (<c>TagWith</c> on a query, or the text of raw
/// SQL). The server then parses and plans it once per connection, not on every call. Everything else
/// is planned each time with its values, as before: the directory's queries, for one, choose their
/// index by what the filters ask, which a plan made without the values cannot do.
/// </summary>
public sealed class PreparedStatements : DbCommandInterceptor
{
    /// <summary>The comment EF writes first for <c>TagWith(Tag)</c>, and that raw SQL starts with to opt in.</summary>
    public const string Tag = "prepared: repeated, plans the same for any values";

    private const string Comment = "-- " + Tag;

    /// <summary><paramref name="sql"/> opted in.</summary>
    public static string Marked(string sql) => Comment + "\n" + sql;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Prepare(command);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Prepare(command);
        return result;
    }

    /// <summary>Npgsql keeps a prepared statement on its connection across pool returns, so after the first time this finds it and sends nothing.</summary>
    private static Task PrepareAsync(DbCommand command, CancellationToken cancellationToken) =>
        command is NpgsqlCommand { IsPrepared: false } npgsql && OptedIn(command) ? npgsql.PrepareAsync(cancellationToken) : Task.CompletedTask;

    private static void Prepare(DbCommand command)
    {
        if (command is NpgsqlCommand { IsPrepared: false } npgsql && OptedIn(command))
        {
            npgsql.Prepare();
        }
    }

    private static bool OptedIn(DbCommand command) => command.CommandText.StartsWith(Comment, StringComparison.Ordinal);
}
