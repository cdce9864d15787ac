using System.Globalization;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding.Bulk;

namespace Hub.Web.Commands;

/// <summary>
/// <c>seed --referrals N [--per-week 250] [--seed 20261122]</c>: migrates, then fills an empty hub
/// database with N invented referrals and their history (<see cref="BulkSeeder"/>), for measuring
/// performance. Refuses, with exit code 2, a database that already has referrals.
/// </summary>
internal static class SeedCommand
{
    public const int Refused = 2;

    public static readonly string Usage = $"""
        Usage: dotnet run --project src/Hub.Web -- seed --referrals N [--per-week {BulkSeedOptions.DefaultPerWeek}] [--seed {BulkSeedOptions.DefaultSeed}]

        Migrates the configured database, then fills it with N invented referrals and their history
        (people, spells, triage, contacts, conversations with DIALOG and GBO, plans, care teams,
        closing), --per-week a week counted back from now: 1,000 cover 4 weeks, 1,000,000 about
        77 years. The same --seed writes the same data. Only an empty hub is filled: a database that
        already has referrals is refused (exit code 2). Never run it against live data.

        PostgreSQL is the target (binary COPY: a million referrals in minutes). SQLite and SQL
        Server are written through EF Core: use them for small N only (a few thousand).
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        if (!TryRead(args, out var options, out var problem))
        {
            Console.Error.WriteLine(problem + Environment.NewLine + Environment.NewLine + Usage);
            return Refused;
        }

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var seeder = services.GetRequiredService<BulkSeeder>();
        if (await seeder.HasReferralsAsync(cancellationToken))
        {
            Console.Error.WriteLine("This database already has referrals. The seed command only fills an empty hub database; point it at a new one.");
            return Refused;
        }

        Console.WriteLine($"Seeding {options.Referrals:N0} referrals, {options.PerWeek:N0} a week ({options.Weeks / 52.18:N1} years), seed {options.Seed}.");
        var progress = new SynchronousProgress(p => Console.WriteLine(
            $"{p.ReferralsWritten:N0} of {p.ReferralsTotal:N0} referrals, {p.PerSecond:N0} a second, {p.Elapsed:h\\:mm\\:ss} elapsed"));
        var result = await seeder.SeedAsync(options, progress, cancellationToken);
        foreach (var (table, rows) in result.RowsByTable)
        {
            Console.WriteLine($"  {table,-22} {rows,12:N0}");
        }
        Console.WriteLine($"Done: {result.TotalRows:N0} rows in {result.Writing:h\\:mm\\:ss} ({options.Referrals / result.Writing.TotalSeconds:N0} referrals a second), " +
            $"then {result.Finishing:h\\:mm\\:ss} gathering statistics.");
        return 0;
    }

    private static bool TryRead(IReadOnlyList<string> args, out BulkSeedOptions options, out string? problem)
    {
        options = new BulkSeedOptions();
        problem = null;
        if (Value(args, "--referrals") is not { } referrals)
        {
            problem = "Say how many referrals: --referrals N.";
            return false;
        }
        if (!Positive(referrals, out var n) || !Positive(Value(args, "--per-week") ?? BulkSeedOptions.DefaultPerWeek.ToString(CultureInfo.InvariantCulture), out var perWeek)
            || !int.TryParse(Value(args, "--seed") ?? BulkSeedOptions.DefaultSeed.ToString(CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            problem = "--referrals and --per-week take a whole number above 0, --seed a whole number.";
            return false;
        }
        options = new BulkSeedOptions { Referrals = n, PerWeek = perWeek, Seed = seed };
        return true;
    }

    /// <summary>The value after <c>--name</c>, or of <c>--name=value</c>.</summary>
    private static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count)
            {
                return args[i + 1];
            }
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }
        return null;
    }

    private static bool Positive(string text, out int value) =>
        int.TryParse(text.Replace(",", "").Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>Reports on the caller's thread, so progress lines come out in order.</summary>
    private sealed class SynchronousProgress(Action<BulkSeedProgress> report) : IProgress<BulkSeedProgress>
    {
        public void Report(BulkSeedProgress value) => report(value);
    }
}
