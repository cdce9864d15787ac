using System.Diagnostics;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Domain.CareTeams;
using Hub.Infrastructure.Seeding.Bulk;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Benchmarks;

/// <summary>A referral whose record is opened in the benchmark, and the lead worker who opens it.</summary>
internal sealed record OpenedRecord(Guid ReferralId, Guid LeadId);

/// <summary>
/// One benchmark database: created from the migrated template, filled by the bulk seeder, with the
/// hub's application host on it and the people and records the queries are sent as and about.
/// </summary>
internal sealed class SeededHub : IAsyncDisposable
{
    /// <summary>How many records the person-record queries rotate through: recent, each with a lead.</summary>
    private const int RecordsOpened = 50;

    private SeededHub(string label, ApplicationHost host) => (Label, Host) = (label, host);

    public string Label { get; }
    public ApplicationHost Host { get; }
    public int Referrals { get; private set; }
    public double Weeks { get; private set; }
    public TimeSpan SeedTime { get; private set; }
    public TimeSpan StatisticsTime { get; private set; }
    public long Rows { get; private set; }
    public long DatabaseBytes { get; private set; }
    public Guid TeamLeader { get; private set; }
    public Guid Practitioner { get; private set; }
    public IReadOnlyList<OpenedRecord> Records { get; private set; } = [];
    public string ConnectionString { get; private set; } = string.Empty;
    public QueryPlans Plans { get; private set; } = null!;

    public static async Task<SeededHub> CreateAsync(PostgresServer server, string label, BulkSeedOptions options, DateTimeOffset now)
    {
        var connectionString = await server.CreateDatabaseAsync();
        var plans = new QueryPlans();
        var hub = new SeededHub(label, new ApplicationHost(connectionString, new TestClock(now), interceptors: [plans],
            settings: new Dictionary<string, string?> { ["Hub:Chromium:Path"] = "/usr/bin/chromium" },
            configure: s => Hub.Web.Design.Documents.DocumentServices.AddDocuments(s)));
        var stopwatch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var progress = new ConsoleProgress(p =>
        {
            if (p.ReferralsWritten == p.ReferralsTotal || p.Elapsed - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = p.Elapsed;
                Console.Error.WriteLine($"  {label}: {p.ReferralsWritten:N0} of {p.ReferralsTotal:N0} referrals, {p.PerSecond:N0} a second");
            }
        });
        (hub.ConnectionString, hub.Plans) = (connectionString, plans);
        var result = await hub.Host.WithService<BulkSeeder, BulkSeedResult>(s => s.SeedAsync(options, progress, CancellationToken.None));
        (hub.Referrals, hub.Weeks, hub.SeedTime, hub.StatisticsTime, hub.Rows) = (options.Referrals, options.Weeks, result.Writing, result.Finishing, result.TotalRows);
        Console.Error.WriteLine($"  {label}: seeded in {stopwatch.Elapsed:h\\:mm\\:ss}");

        hub.DatabaseBytes = await hub.Host.WithDb(db => db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync());
        hub.TeamLeader = (await hub.Host.WithService<IStaffDirectory, IReadOnlyList<Guid>>(d => d.InRole(Roles.TeamLeader, CancellationToken.None))).Order().First();
        var since = now.AddDays(-28);
        hub.Records = await hub.Host.WithDb(db => db.CareTeamMembers
            .Where(m => m.Role == CareTeamRole.Lead && m.LeftAt == null)
            .Join(db.Referrals, m => m.SpellId, r => r.SpellId, (m, r) => new { r.Id, r.Reference, r.ReceivedAt, m.MemberId })
            .Where(x => x.ReceivedAt >= since)
            .OrderBy(x => x.Reference)
            .Take(RecordsOpened)
            .Select(x => new OpenedRecord(x.Id, x.MemberId))
            .ToListAsync());
        if (hub.Records.Count == 0)
        {
            throw new InvalidOperationException($"The {label} database has no recent referral with a lead worker to open; seed more referrals.");
        }
        hub.Practitioner = hub.Records[0].LeadId;
        return hub;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>Reports on the seeding thread, so lines come out in order.</summary>
    private sealed class ConsoleProgress(Action<BulkSeedProgress> report) : IProgress<BulkSeedProgress>
    {
        public void Report(BulkSeedProgress value) => report(value);
    }
}
