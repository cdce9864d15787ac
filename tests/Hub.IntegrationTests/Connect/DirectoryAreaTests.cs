using Hub.Application.Connect;
using Hub.Application.Connect.GetWhatsOn;
using Hub.Application.Connect.SearchGroups;
using Hub.Domain.CommunityOffers;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Persistence.Providers;
using Hub.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.IntegrationTests.Connect;

/// <summary>
/// Every offer has an area, and the public directory's area is one equality (ADR 043): a search
/// pages through exactly the area's listed groups, free first then A to Z, each once; the count
/// stops ten pages ahead and says there are more; the form's choices (areas, the area's
/// neighbourhoods) come from listed groups only, on PostgreSQL and on the embedded SQLite; and
/// offers recorded before areas were required are placed in the hub's own area when it migrates.
/// </summary>
public sealed class DirectoryAreaTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Should_list_every_listed_group_of_the_area_once_across_its_pages_free_first_then_a_to_z()
    {
        await using var host = new ApplicationHost(database.ConnectionString, new TestClock(Now));
        var eastbank = Groups("Eastbank", 45, prefix: "Paging").ToList();
        var elsewhere = Groups("Westgate", 12, prefix: "Paging").ToList();
        var withdrawn = Groups("Eastbank", 3, prefix: "Paging withdrawn").ToList();
        withdrawn.ForEach(o => o.SetActive(false));
        await Add(host, [.. elsewhere, .. eastbank.AsEnumerable().Reverse(), .. withdrawn]);

        var seen = new List<Guid>();
        GroupSearch page;
        var number = 1;
        do
        {
            page = await host.SendAsPublic(new SearchGroups(new DirectoryFilter("Eastbank"), number++));
            seen.AddRange(page.Groups.Select(g => g.Id));
            (page.Total, page.More, page.Pages).ShouldBe((45, false, 3), "45 match, all counted within ten pages");
        }
        while (page.HasNext);

        var expected = eastbank.OrderByDescending(o => o.IsFree).ThenBy(o => o.Name, StringComparer.Ordinal).Select(o => o.Id).ToList();
        seen.ShouldBe(expected, "each listed Eastbank group once, free first then A to Z, and nothing from another area or withdrawn");
        number.ShouldBe(4);
    }

    [SkippableFact]
    public async Task Should_count_ten_pages_past_the_page_shown_and_say_there_are_more()
    {
        await using var host = new ApplicationHost(database.ConnectionString, new TestClock(Now));
        await Add(host, Groups("Countvale", 230, prefix: "Counting").ToList());
        var area = new DirectoryFilter("Countvale");

        var first = await host.SendAsPublic(new SearchGroups(area));
        (first.Total, first.More, first.HasNext).ShouldBe((SearchGroupsHandler.CountAhead, true, true), "counted ten pages of 20, then 'more than 200'");
        var third = await host.SendAsPublic(new SearchGroups(area, 3));
        (third.Total, third.More, third.Pages).ShouldBe((230, false, 12), "from page 3 the count reaches the end");
        var last = await host.SendAsPublic(new SearchGroups(area, 12));
        (last.Groups.Count, last.Total, last.HasNext).ShouldBe((10, 230, false));
        var pastTheEnd = await host.SendAsPublic(new SearchGroups(area, 40));
        (pastTheEnd.Groups.Count, pastTheEnd.Total, pastTheEnd.More).ShouldBe((0, 230, false), "an edited address past the end still gets the true number");

        // The week view counts the same way: Countvale's groups meet on every day (two sessions, 3 days apart, across 230 groups).
        var day = await host.SendAsPublic(new GetWhatsOn(area, 0));
        day.Total.ShouldBeGreaterThan(0);
        var expectedOnDay = Groups("Countvale", 230, prefix: "Counting").Count(o => o.Sessions.Any(s => s.Day == day.Day.DayOfWeek));
        (day.Total, day.More).ShouldBe(expectedOnDay > GetWhatsOnHandler.CountAhead ? (GetWhatsOnHandler.CountAhead, true) : (expectedOnDay, false));
    }

    [SkippableTheory]
    [InlineData("Postgres")]
    [InlineData("Sqlite")]
    public async Task Should_offer_the_areas_and_the_areas_neighbourhoods_of_listed_groups_only(string provider)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hub-choices-{Guid.NewGuid():N}.db");
        var connection = provider == "Postgres" ? database.ConnectionString : $"Data Source={file}";
        try
        {
            await using var host = new ApplicationHost(connection, new TestClock(Now),
                settings: [new("Database:Provider", provider), new("ConnectionStrings:Hub", connection)]);
            if (provider == "Sqlite")
            {
                await host.WithDb(async db => { await db.Database.MigrateAsync(); return 0; });
            }
            var groups = new List<CommunityOffer>();
            foreach (var (area, hood) in new[] { ("Choice Alpha", "Riverside"), ("Choice Alpha", "Hilltop"), ("Choice Alpha", "Riverside"), ("Choice Beta", "Docks"), ("Choice Alpha", null) })
            {
                var offer = new CommunityOffer($"Choices group {groups.Count}", "Invented trust", Now, area);
                offer.Locate(hood, null, null, null);
                groups.Add(offer);
            }
            var closed = new CommunityOffer("Choices closed group", "Invented trust", Now, "Choice Closed");
            closed.Locate("Old Town", null, null, null);
            closed.SetActive(false);
            var closedInAlpha = new CommunityOffer("Choices closed in alpha", "Invented trust", Now, "Choice Alpha");
            closedInAlpha.Locate("Quayside", null, null, null);
            closedInAlpha.SetActive(false);
            await Add(host, [.. groups, closed, closedInAlpha]);

            var search = await host.SendAsPublic(new SearchGroups(new DirectoryFilter("Choice Alpha")));

            search.Areas.Where(a => a.StartsWith("Choice ", StringComparison.Ordinal)).ShouldBe(["Choice Alpha", "Choice Beta"], "areas with a listed group, A to Z, each once");
            search.Neighbourhoods.ShouldBe(["Hilltop", "Riverside"], "the chosen area's neighbourhoods of listed groups, A to Z, each once");
            search.Total.ShouldBe(4);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Should_place_offers_recorded_without_an_area_in_the_hubs_own_area_when_migrating()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hub-areas-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite($"Data Source={file}").Options;
            await using (var db = new SqliteHubDbContext(options))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith("_OfferAreaRequired", StringComparison.Ordinal)) - 1];
                await db.GetService<IMigrator>().MigrateAsync(before);
                await InsertOfferAsync(db, "Walk recorded before areas", area: null);
                await InsertOfferAsync(db, "Choir in Northfield", area: "Northfield");
            }
            await using (var db = new SqliteHubDbContext(options))
            {
                await new DatabaseMigrator(db, new HomeArea("Eastbank"), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);

                (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
                var areas = await db.CommunityOffers.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Name, o.Area }).ToListAsync();
                areas.ShouldBe([new { Name = "Choir in Northfield", Area = "Northfield" }, new { Name = "Walk recorded before areas", Area = "Eastbank" }]);
                (await db.CommunityOffers.AsNoTracking().Listed(new DirectoryFilter("Eastbank")).Select(o => o.Name).ToListAsync())
                    .ShouldBe(["Walk recorded before areas"], "the hub's own area lists the offer that had none, by the one equality");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>Invented groups in one area, half of them free, names in an order that differs from the free-first order.</summary>
    private static IEnumerable<CommunityOffer> Groups(string area, int count, string prefix)
    {
        for (var i = 0; i < count; i++)
        {
            var offer = new CommunityOffer($"{prefix} {area} group {(i * 37) % count:000}", "Invented trust", Now, area);
            offer.SetCost(i % 2 == 0, null);
            offer.Schedule([new OfferSession((DayOfWeek)(i % 7), new TimeOnly(10, 0), new TimeOnly(11, 0)), new OfferSession((DayOfWeek)((i + 3) % 7), new TimeOnly(18, 0), new TimeOnly(19, 0))], null);
            yield return offer;
        }
    }

    private static Task<int> Add(ApplicationHost host, IReadOnlyList<CommunityOffer> offers) => host.WithDb(db =>
    {
        db.CommunityOffers.AddRange(offers);
        return db.SaveChangesAsync();
    });

    /// <summary>Adds an offer row the way the hub stored one before areas were required: every required column filled, the area as given.</summary>
    private static async Task InsertOfferAsync(SqliteHubDbContext db, string name, string? area)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var required = new List<(string Name, string Type)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name, type FROM pragma_table_info('CommunityOffers') WHERE \"notnull\" = 1";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                required.Add((reader.GetString(0), reader.GetString(1)));
        }
        string[] lists = ["Categories", "HelpsWith", "Sessions", "Languages"];
        await using var insert = connection.CreateCommand();
        var columns = required.Where(c => c.Name != "Area").ToList();
        insert.CommandText = $"INSERT INTO \"CommunityOffers\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}, \"Area\") VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))}, $area)";
        for (var i = 0; i < columns.Count; i++)
        {
            var (column, type) = columns[i];
            object value = column == "Id" ? Guid.NewGuid().ToString().ToUpperInvariant()
                : column is "Name" or "OrganisationName" ? name
                : column == "Active" ? 1
                : lists.Contains(column) ? "[]"
                : type == "TEXT" ? (column.EndsWith("At", StringComparison.Ordinal) ? Now.ToString("O") : "x")
                : 0;
            insert.Parameters.AddWithValue($"$p{i}", value);
        }
        insert.Parameters.AddWithValue("$area", (object?)area ?? DBNull.Value);
        (await insert.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
