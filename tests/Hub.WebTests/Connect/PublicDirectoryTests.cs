using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.TestSupport;
using Ical.Net.CalendarComponents;
using IcalCalendar = Ical.Net.Calendar;

namespace Hub.WebTests.Connect;

/// <summary>
/// Connect and Do, the public directory, through the real host with no account: searching by day,
/// time, cost and access, a group's page, the week view and the calendar feeds (parsed back with
/// Ical.Net). The demo directory holds groups in the hub's own area and in Northfield.
/// </summary>
public sealed class PublicDirectoryTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;
    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_find_only_the_free_step_free_group_on_a_tuesday_evening_and_give_its_sessions_as_a_calendar()
    {
        var client = Factory.NewClient();
        var start = await client.GetDocumentAsync("/connect");
        start.Text("h1").ShouldBe("Find a group or activity");
        start.QuerySelector(".hub-urgent-help").ShouldNotBeNull();

        var found = await GetWithFormAsync(client, start, "form.hub-directory-filters", new Dictionary<string, string>
        {
            ["day"] = "Tuesday",
            ["time"] = "Evening",
            ["only"] = "free",
            ["access"] = "StepFree",
        });
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = await found.ReadDocumentAsync();
        results.Text("#results").ShouldBe("1 group found");
        var link = results.QuerySelectorAll<IHtmlAnchorElement>(".hub-group-list a").Single();
        link.TextContent.ShouldBe("Evening peer support circle");

        var page = await client.GetDocumentAsync(link.GetAttribute("href")!);
        page.Text("h1").ShouldBe("Evening peer support circle");
        page.Body!.TextContent.ShouldContain("Tuesdays, 6pm to 8pm");
        page.Body.TextContent.ShouldContain("You can bring someone with you the first time");
        page.QuerySelector(".hub-urgent-help").ShouldNotBeNull();

        var feed = await client.GetAsync(page.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => a.TextContent.StartsWith("Add Evening peer support circle to your calendar", StringComparison.Ordinal)).GetAttribute("href"));
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = IcalCalendar.Load(await feed.Content.ReadAsStringAsync())!;
        var session = calendar.Events.Single();
        session.Summary.ShouldBe("Evening peer support circle");
        session.DtStart!.Value.DayOfWeek.ShouldBe(DayOfWeek.Tuesday);
        session.DtStart.TzId.ShouldBe("Europe/London");
        (session.DtStart.Value.Hour, session.DtEnd!.Value.Hour).ShouldBe((18, 20));
        session.RecurrenceRule!.Frequency.ShouldBe(Ical.Net.FrequencyType.Weekly);
    }

    [SkippableFact]
    public async Task Should_give_a_search_as_one_calendar_of_every_group_it_finds()
    {
        var client = Factory.NewClient();
        var feed = await client.GetAsync("/connect?handler=calendar&day=Tuesday&time=Evening");
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var calendar = IcalCalendar.Load(await feed.Content.ReadAsStringAsync())!;
        calendar.Events.Select(e => e.Summary).Order().ShouldBe(["Evening peer support circle", "Tuesday evening painting club", "Women's swim and chat"]);
        calendar.Events.ShouldAllBe(e => e.DtStart!.Value.DayOfWeek == DayOfWeek.Tuesday);
    }

    [SkippableFact]
    public async Task Should_keep_each_area_to_its_own_groups_and_let_people_change_area()
    {
        var client = Factory.NewClient();
        var home = await client.GetDocumentAsync("/connect");
        var homeNames = home.QuerySelectorAll(".hub-group-list a").Select(a => a.TextContent).ToList();
        homeNames.ShouldContain("Walk and talk group");
        homeNames.ShouldNotContain("Northfield community garden");

        var changed = await GetWithFormAsync(client, home, "form.hub-area-form", new Dictionary<string, string> { ["area"] = "Northfield" });
        var northfield = await changed.ReadDocumentAsync();
        northfield.QuerySelectorAll(".hub-group-list a").Select(a => a.TextContent).Order().ShouldBe(["Northfield community garden", "Northfield football for fun"]);
        // Free first: the garden is free, the football is not.
        northfield.QuerySelectorAll(".hub-group-list a").First().TextContent.ShouldBe("Northfield community garden");
        northfield.QuerySelectorAll<IHtmlOptionElement>("#neighbourhood option").Select(o => o.Value).ShouldBe(["", "Northfield Village"]);
    }

    [SkippableFact]
    public async Task Should_show_a_day_of_the_week_view_mornings_first_from_the_schedules()
    {
        var client = Factory.NewClient();
        var today = await client.GetDocumentAsync("/connect/week");
        today.Text("h1").ShouldStartWith("What's on this week in");
        today.QuerySelectorAll(".hub-week-days a").Length.ShouldBe(7);
        for (var on = 0; on < 7; on++)
        {
            var day = await client.GetDocumentAsync($"/connect/week?on={on}");
            var parts = day.QuerySelectorAll("main h3").Select(h => h.TextContent).ToList();
            parts.ShouldBe(parts.OrderBy(p => Enum.Parse<Hub.Domain.CommunityOffers.PartOfDay>(p)).ToList());
            if (day.Text("#day-heading").Contains("Tuesday", StringComparison.Ordinal))
            {
                day.QuerySelectorAll(".hub-group-list a").Select(a => a.TextContent).ShouldBe(["Evening peer support circle", "Tuesday evening painting club", "Women's swim and chat"]);
            }
        }
    }

    [SkippableFact]
    public async Task Should_answer_an_unknown_group_with_not_found_and_say_when_search_words_are_too_long()
    {
        var client = Factory.NewClient();
        (await client.GetAsync($"/connect/groups/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await client.GetDocumentAsync("/connect?q=" + new string('a', 101));
        page.ErrorSummary().ShouldBe(["Search words must be 100 characters or fewer"]);
    }

    /// <summary>Sends a GET form as a browser would: its fields as the page gave them, <paramref name="values"/> in place of any of the same name.</summary>
    private static Task<HttpResponseMessage> GetWithFormAsync(HttpClient client, IHtmlDocument page, string selector, Dictionary<string, string> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form '{selector}' on the page.");
        form.Method.ShouldBe("get");
        var fields = form.Fields().Where(f => f.Sent && !values.ContainsKey(f.Name)).Select(f => new KeyValuePair<string, string?>(f.Name, f.Value))
            .Concat(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        return client.GetAsync(form.GetAttribute("action") + Microsoft.AspNetCore.Http.QueryString.Create(fields));
    }

    public void Dispose() => _factory?.Dispose();
}
