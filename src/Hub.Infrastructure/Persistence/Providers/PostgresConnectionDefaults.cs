using Npgsql;

namespace Hub.Infrastructure.Persistence.Providers;

/// <summary>
/// What the hub's own PostgreSQL connections add to the operator's connection string
/// (docs/decisions/051): statements the hub runs again and again are prepared on the server once per
/// connection, so PostgreSQL parses and plans a referral's inserts, the match search or a record
/// view's reads once, not on every request. A setting the operator wrote is kept as written.
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>
    /// How many statements each connection keeps prepared (least recently used go first). The hub has a
    /// few hundred distinct statements; the ones a busy hour repeats fit well inside this.
    /// </summary>
    public const int MaxAutoPrepare = 200;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Written(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }
        return builder.ConnectionString;
    }

    /// <summary>Whether the operator's string names the setting, whatever the value (0 turns preparing off).</summary>
    private static bool Written(string connectionString, params string[] names) =>
        connectionString.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => names.Any(name => string.Equals(key, name, StringComparison.OrdinalIgnoreCase)));
}
