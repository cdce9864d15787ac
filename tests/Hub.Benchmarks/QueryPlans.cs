using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Hub.Benchmarks;

/// <summary>
/// With <c>--explain</c>: records the SQL a request sends, then asks PostgreSQL how it ran each
/// command (EXPLAIN ANALYZE, with buffers), so a scan that grows with history can be found by name.
/// </summary>
internal sealed class QueryPlans : DbCommandInterceptor
{
    private readonly List<(string Sql, NpgsqlParameter[] Parameters)> _commands = [];

    public bool Recording { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        // Only reads (a SELECT, or a recursive WITH ... SELECT): EXPLAIN ANALYZE runs the statement, and a
        // write (an audit row) would run twice.
        if (Recording && command is NpgsqlCommand npgsql && (npgsql.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || npgsql.CommandText.TrimStart().StartsWith("WITH RECURSIVE", StringComparison.OrdinalIgnoreCase)))
        {
            lock (_commands)
            {
                _commands.Add((npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToArray()));
            }
        }
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public async Task<string> ExplainAsync(string connectionString, string title)
    {
        var text = new StringBuilder().AppendLine($"#### Plans: {title}").AppendLine();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in _commands)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING ON, SUMMARY ON) " + sql, connection);
            explain.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }
            }
            text.AppendLine("```").AppendLine(sql.Length > 2000 ? sql[..2000] + " ..." : sql).AppendLine("---");
            text.AppendLine(string.Join(Environment.NewLine, lines)).AppendLine("```").AppendLine();
        }
        _commands.Clear();
        return text.ToString();
    }
}
