namespace Hub.Infrastructure.Seeding.Bulk;

/// <summary>
/// How much invented history <see cref="BulkSeeder"/> writes. <see cref="PerWeek"/> fixes the
/// density; <see cref="Referrals"/> decides how far back the history reaches.
/// </summary>
public sealed record BulkSeedOptions
{
    public const int DefaultPerWeek = 250;
    public const int DefaultSeed = 20261122;
    public const int DefaultBatchSize = 5_000;

    /// <summary>How many referrals to write in all.</summary>
    public int Referrals { get; init; }

    /// <summary>Referrals arriving each week; the most recent weeks look the same at any <see cref="Referrals"/>.</summary>
    public int PerWeek { get; init; } = DefaultPerWeek;

    /// <summary>The same seed writes the same people, referrals and stories.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Referrals written per round trip (one transaction each).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The weeks of history this many referrals cover at this density.</summary>
    public double Weeks => (double)Referrals / PerWeek;

    public void EnsureValid()
    {
        if (Referrals < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Referrals), "Seed at least one referral.");
        }
        if (PerWeek < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PerWeek), "At least one referral a week.");
        }
        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), "A batch holds at least one referral.");
        }
    }
}

/// <summary>Where a bulk seed has got to: counts and timing only, never anything about a person.</summary>
public sealed record BulkSeedProgress(int ReferralsWritten, int ReferralsTotal, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? ReferralsWritten / Elapsed.TotalSeconds : 0;
}

/// <summary>What a bulk seed wrote, table by table, and how long it took.</summary>
public sealed record BulkSeedResult(IReadOnlyDictionary<string, long> RowsByTable, TimeSpan Writing, TimeSpan Finishing)
{
    public long TotalRows => RowsByTable.Values.Sum();
}
