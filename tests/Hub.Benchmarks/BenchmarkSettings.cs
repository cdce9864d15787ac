using System.Globalization;
using Hub.Infrastructure.Seeding.Bulk;

namespace Hub.Benchmarks;

/// <summary>The benchmark's options: sizes of the two hubs, density and seed, and how many runs to time.</summary>
internal sealed record BenchmarkSettings(int Small, int Large, int PerWeek, int Seed, int WarmUp, int Runs)
{
    public static readonly string Usage = $"""
        Usage: tests/Hub.Benchmarks/run.sh [--small 1000] [--large 1000000] [--per-week {BulkSeedOptions.DefaultPerWeek}] [--seed {BulkSeedOptions.DefaultSeed}] [--warm-up 20] [--runs 200] [--only "Triage queue"] [--explain]
        Seeds a small and a large hub in a throwaway PostgreSQL cluster and prints p50/p95 of each dashboard query as markdown.
        """;

    public static bool TryParse(IReadOnlyList<string> args, out BenchmarkSettings settings, out string? problem)
    {
        settings = new BenchmarkSettings(1_000, 1_000_000, BulkSeedOptions.DefaultPerWeek, BulkSeedOptions.DefaultSeed, 20, 200);
        problem = null;
        var known = new[] { "--small", "--large", "--per-week", "--seed", "--warm-up", "--runs" };
        var values = new Dictionary<string, int>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Count
                || !int.TryParse(args[i + 1].Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal),
                    NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                problem = $"Did not understand '{args[i]}'.";
                return false;
            }
            values[args[i]] = value;
            i++;
        }

        settings = new BenchmarkSettings(values.GetValueOrDefault("--small", settings.Small), values.GetValueOrDefault("--large", settings.Large),
            values.GetValueOrDefault("--per-week", settings.PerWeek), values.GetValueOrDefault("--seed", settings.Seed),
            values.GetValueOrDefault("--warm-up", settings.WarmUp), values.GetValueOrDefault("--runs", settings.Runs));
        if (settings.Small < 1 || settings.Large < 1 || settings.PerWeek < 1 || settings.Runs < 1)
        {
            problem = "Sizes, --per-week and --runs must be above 0.";
            return false;
        }
        return true;
    }
}
