namespace Hub.Infrastructure.Persistence;

/// <summary>
/// How often a unit of work is tried again after a transient fault on a server database (a
/// dropped connection, a failover, a deadlock or serialization failure), per docs/decisions/018.
/// The provider's retrying execution strategy decides what is transient; every transaction we
/// open ourselves runs inside it, so a retry replays the whole transaction. SQLite does not retry.
/// </summary>
public static class TransientFaults
{
    /// <summary>Two retries: three tries in all, then the fault reaches the caller.</summary>
    public const int MaxRetries = 2;

    /// <summary>The longest wait between tries; the first retry is immediate, the second about a second later.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
}
