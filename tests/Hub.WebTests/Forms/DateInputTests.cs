using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.Application.Common;
using Hub.Domain.CareTeams;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.CareTeams.CareTeamSteps;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Forms;

/// <summary>
/// The NHS.UK date input, through a real form that needs a date and a time (planning a network
/// meeting): day, month, year, hour and minute boxes; a message in the design system's words on the
/// box it is about; nothing typed lost; and a time read and shown in UK time on both sides of the
/// spring clock change.
/// </summary>
public sealed class DateInputTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string PlanForm = "form[action*='handler=plan']";

    private HubWebFactory? _factory;
    private static Guid _practitionerId;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_offer_day_month_year_hour_and_minute_boxes_instead_of_a_browser_date_box()
    {
        var (client, referralId) = await CareTeamMemberAsync();

        var page = await client.GetDocumentAsync(MeetingsUrl(referralId));

        var form = page.QuerySelector(PlanForm)!;
        form.QuerySelectorAll("input[type='date'], input[type='datetime-local']").ShouldBeEmpty();
        var boxes = form.QuerySelectorAll<IHtmlInputElement>("fieldset input[name^='Plan.When.']").Select(i => (i.Name, i.Type, Label: page.QuerySelector($"label[for='{i.Id}']")?.TextContent)).ToList();
        boxes.ShouldBe([("Plan.When.Day", "text", "Day"), ("Plan.When.Month", "text", "Month"), ("Plan.When.Year", "text", "Year"), ("Plan.When.Hour", "text", "Hour"), ("Plan.When.Minute", "text", "Minute")]);
    }

    [SkippableFact]
    public async Task Should_say_the_date_must_include_a_month_on_the_month_box_and_keep_what_was_typed()
    {
        var (client, referralId) = await CareTeamMemberAsync();
        var typed = Plan(new() { ["Plan.When.Day"] = "14", ["Plan.When.Month"] = "", ["Plan.When.Year"] = "2027", ["Plan.When.Hour"] = "10", ["Plan.When.Minute"] = "15" });

        var response = await client.SubmitAsync(await client.GetDocumentAsync(MeetingsUrl(referralId)), PlanForm, typed);

        var page = await ShouldComeBackAsync(response);
        var link = page.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldBe("Date of the meeting must include a month");
        link.Target.ShouldBe("Plan_When_Month", "the summary links to the month box");
        page.GetElementById("Plan_When_Month")!.ClassList.ShouldContain("nhsuk-input--error");
        page.GetElementById("Plan_When_Day")!.ClassList.ShouldNotContain("nhsuk-input--error", "only the box with the problem is marked");
        page.InlineError("Plan_When").ShouldBe(link.Text);
        ShouldKeep(page, typed);
        (await MeetingsAsync(referralId)).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Should_say_the_date_must_be_a_real_date_for_the_31st_of_February()
    {
        var (client, referralId) = await CareTeamMemberAsync();
        var typed = Plan(new() { ["Plan.When.Day"] = "31", ["Plan.When.Month"] = "2", ["Plan.When.Year"] = "2027", ["Plan.When.Hour"] = "10", ["Plan.When.Minute"] = "15" });

        var page = await ShouldComeBackAsync(await client.SubmitAsync(await client.GetDocumentAsync(MeetingsUrl(referralId)), PlanForm, typed));

        var link = page.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldBe("Date of the meeting must be a real date");
        link.Target.ShouldBe("Plan_When_Day");
        foreach (var box in new[] { "Day", "Month", "Year" })
        {
            page.GetElementById($"Plan_When_{box}")!.ClassList.ShouldContain("nhsuk-input--error", $"the whole date is wrong, so the {box} box is marked");
        }
        ShouldKeep(page, typed);
        (await MeetingsAsync(referralId)).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Should_say_a_time_the_clocks_skip_is_not_a_real_time()
    {
        var (client, referralId) = await CareTeamMemberAsync();
        // The clocks go forward at 1am on Sunday 28 March 2027: 1:30am never happens in the UK that night.
        var typed = Plan(WebTestExtensions.DateTimeBoxes("Plan.When", new DateTime(2027, 3, 28, 1, 30, 0)));

        var page = await ShouldComeBackAsync(await client.SubmitAsync(await client.GetDocumentAsync(MeetingsUrl(referralId)), PlanForm, typed));

        var link = page.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldStartWith("Date of the meeting must be a real time");
        link.Target.ShouldBe("Plan_When_Hour");
        ShouldKeep(page, typed);
    }

    [SkippableFact]
    public async Task Should_store_and_show_a_UK_time_as_typed_on_both_sides_of_the_spring_clock_change()
    {
        var (client, referralId) = await CareTeamMemberAsync();
        var beforeChange = new DateTime(2027, 3, 27, 14, 30, 0); // Greenwich Mean Time: UTC+0
        var afterChange = new DateTime(2027, 3, 29, 14, 30, 0);  // British Summer Time: UTC+1

        foreach (var local in new[] { beforeChange, afterChange })
        {
            (await client.SubmitAsync(await client.GetDocumentAsync(MeetingsUrl(referralId)), PlanForm, Plan(WebTestExtensions.DateTimeBoxes("Plan.When", local))))
                .IsRedirect().ShouldBeTrue($"a meeting at {local:dd/MM/yyyy HH:mm} is planned");
        }

        var stored = (await MeetingsAsync(referralId)).Order().ToList();
        stored.ShouldBe([new DateTimeOffset(2027, 3, 27, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 29, 13, 30, 0, TimeSpan.Zero)],
            "14:30 in London is 14:30 UTC in winter and 13:30 UTC in summer");
        var shown = await client.GetAsync(MeetingsUrl(referralId));
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await shown.Content.ReadAsStringAsync();
        html.ShouldContain(UkTime.Format(stored[0]));
        html.ShouldContain(UkTime.Format(stored[1]));
        UkTime.Format(stored[1]).ShouldEndWith("14:30", Case.Sensitive, "shown back as it was typed");
    }

    private static Dictionary<string, string> Plan(Dictionary<string, string> when)
    {
        var values = new Dictionary<string, string>(when) { ["Plan.Medium"] = "Phone", ["Plan.Place"] = "Cafe", ["Plan.Staff"] = _practitionerId.ToString() };
        return values;
    }

    private static void ShouldKeep(IHtmlDocument page, Dictionary<string, string> typed)
    {
        foreach (var (name, value) in typed.Where(t => t.Key.StartsWith("Plan.When.", StringComparison.Ordinal)))
        {
            page.InputValue(name).ShouldBe(value, $"{name} keeps what was typed");
        }
        page.QuerySelector<IHtmlSelectElement>("select[name='Plan.Place']")!.Value.ShouldBe("Cafe", "the rest of the form is kept too");
    }

    private static async Task<IHtmlDocument> ShouldComeBackAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form comes back with a message");
        return await response.ReadDocumentAsync();
    }

    private async Task<(HttpClient Client, Guid ReferralId)> CareTeamMemberAsync()
    {
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var practitionerId = _practitionerId = await Factory.UserIdAsync(Practitioner);
        var referralId = await Factory.NewReferralAsync();
        (await practitioner.OfferWorkAsync(referralId, practitionerId, CareTeamRole.Lead, "Invented note: I will lead.")).IsRedirect().ShouldBeTrue("the practitioner joins the care team");
        return (practitioner, referralId);
    }

    private async Task<List<DateTimeOffset>> MeetingsAsync(Guid referralId)
    {
        var personId = await Factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => r.PersonId).SingleAsync());
        return await Factory.WithDbAsync(db => db.NetworkMeetings.AsNoTracking().Where(m => m.PersonId == personId).Select(m => m.At).ToListAsync());
    }

    public void Dispose() => _factory?.Dispose();
}
