using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.Application.Common;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.CareTeams.CareTeamSteps;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Forms;

/// <summary>
/// Every staff date box is the NHS.UK date input: the four-week clock's day, the report period, the
/// dashboard period and the time of a triage contact or attempt. A date that cannot be read is
/// refused with the design system's words on the box it is about, nothing is saved, and everything
/// else typed stays in the form.
/// </summary>
public sealed class DateInputPagesTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_leave_no_browser_date_box_on_the_clock_reports_dashboard_or_triage_record()
    {
        var referralId = await Factory.NewReferralAsync();
        var teamLeader = await Factory.SignedInAsync(TeamLeader);
        foreach (var (url, boxes) in new[]
        {
            ($"/staff/care/{referralId}/clock", new[] { "Plan.On.Day", "Plan.On.Month", "Plan.On.Year", "Intervention.On.Day", "Intervention.On.Year" }),
            ("/staff/reports", ["From.Day", "From.Month", "From.Year", "To.Day", "To.Month", "To.Year"]),
            ("/staff/dashboard", ["from.Day", "from.Month", "from.Year", "to.Day", "to.Year"]),
            ($"/staff/triage/referrals/{referralId}", ["Attempt.When.Day", "Attempt.When.Hour", "Attempt.When.Minute", "Contact.When.Month", "Contact.When.Minute"]),
        })
        {
            var page = await teamLeader.GetDocumentAsync(url);
            page.QuerySelectorAll("input[type='date'], input[type='datetime-local'], input[type='time']").ShouldBeEmpty(url);
            foreach (var box in boxes)
            {
                var input = page.QuerySelector<IHtmlInputElement>($"fieldset input[name='{box}']").ShouldNotBeNull($"{url} has a {box} box");
                input.Type.ShouldBe("text");
                input.GetAttribute("inputmode").ShouldBe("numeric");
                input.Value.ShouldNotBeNullOrEmpty($"{box} starts with today's date or the period shown, to change");
            }
        }
    }

    [SkippableFact]
    public async Task Should_say_the_day_the_plan_was_agreed_must_include_a_month_and_keep_how_it_was_agreed()
    {
        var referralId = await Factory.NewReferralAsync();
        var teamLeader = await Factory.SignedInAsync(TeamLeader);
        var url = $"/staff/care/{referralId}/clock";
        var typed = new Dictionary<string, string> { ["Plan.On.Day"] = "3", ["Plan.On.Month"] = "", ["Plan.On.Year"] = "2026", ["Plan.How"] = "Video" };

        var page = await ComeBackAsync(await teamLeader.SubmitAsync(await teamLeader.GetDocumentAsync(url), "form[action*='handler=plan']", typed));

        var link = page.ErrorLinks().ShouldHaveSingleItem("one message for the date, not the use case's 'enter the day' as well");
        link.Text.ShouldBe("The day the plan was agreed must include a month");
        link.Target.ShouldBe("Plan_On_Month");
        page.GetElementById("Plan_On_Month")!.ClassList.ShouldContain("nhsuk-input--error");
        page.GetElementById("Plan_On_Year")!.ClassList.ShouldNotContain("nhsuk-input--error");
        page.InputValue("Plan.On.Day").ShouldBe("3");
        page.InputValue("Plan.On.Year").ShouldBe("2026");
        page.QuerySelector<IHtmlInputElement>("input[name='Plan.How'][value='Video']")!.IsChecked.ShouldBeTrue("the other answer stays ticked");
        (await CareStartsAsync(referralId)).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_say_the_day_an_intervention_started_must_be_today_or_in_the_past()
    {
        var referralId = await Factory.NewReferralAsync();
        var teamLeader = await Factory.SignedInAsync(TeamLeader);
        var url = $"/staff/care/{referralId}/clock";
        var tomorrow = UkTime.Today(DateTimeOffset.UtcNow).AddDays(1);
        var typed = new Dictionary<string, string>
        {
            ["Intervention.On.Day"] = tomorrow.Day.ToString(CultureInfo.InvariantCulture), ["Intervention.On.Month"] = tomorrow.Month.ToString(CultureInfo.InvariantCulture),
            ["Intervention.On.Year"] = tomorrow.Year.ToString(CultureInfo.InvariantCulture), ["Intervention.Note"] = "Invented note kept.",
        };

        var page = await ComeBackAsync(await teamLeader.SubmitAsync(await teamLeader.GetDocumentAsync(url), "form[action*='handler=intervention']", typed));

        page.ErrorLinks().Select(l => l.Text).ShouldContain("The day the intervention started must be today or in the past");
        page.InlineError("Intervention_On").ShouldBe("The day the intervention started must be today or in the past");
        page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Intervention.Note']")!.Value.ShouldBe("Invented note kept.");
        page.InputValue("Intervention.On.Day").ShouldBe(typed["Intervention.On.Day"]);
        (await CareStartsAsync(referralId)).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_say_the_first_day_of_a_report_period_must_include_a_year_and_keep_the_rest()
    {
        var commissioner = await Factory.SignedInAsync(Commissioner);
        var reportsBefore = await Factory.WithDbAsync(db => db.ReportRuns.CountAsync());
        var typed = new Dictionary<string, string>
        {
            ["From.Day"] = "1", ["From.Month"] = "10", ["From.Year"] = "", ["To.Day"] = "31", ["To.Month"] = "10", ["To.Year"] = "2026",
        };

        var page = await ComeBackAsync(await commissioner.SubmitAsync(await commissioner.GetDocumentAsync("/staff/reports"), "form[action='/staff/reports']", typed));

        var link = page.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldBe("The first day of the period must include a year");
        link.Target.ShouldBe("From_Year");
        foreach (var (name, value) in typed)
        {
            page.InputValue(name).ShouldBe(value, $"{name} keeps what was typed");
        }
        (await Factory.WithDbAsync(db => db.ReportRuns.CountAsync())).ShouldBe(reportsBefore, "no report was asked for");
    }

    [SkippableFact]
    public async Task Should_say_the_dashboard_period_must_be_a_real_date_and_keep_the_filters()
    {
        var teamLeader = await Factory.SignedInAsync(TeamLeader);

        var response = await teamLeader.GetAsync("/staff/dashboard?from.Day=31&from.Month=2&from.Year=2026&to.Day=30&to.Month=11&to.Year=2026&sector=Voluntary");

        var page = await ComeBackAsync(response);
        var link = page.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldBe("The first day of the period must be a real date");
        link.Target.ShouldBe("from_Day");
        page.InputValue("from.Day").ShouldBe("31");
        page.InputValue("from.Month").ShouldBe("2");
        page.InputValue("to.Day").ShouldBe("30");
        page.QuerySelector<IHtmlSelectElement>("select[name='sector']")!.Value.ShouldBe("Voluntary", "the other filters stay chosen");
    }

    [SkippableFact]
    public async Task Should_read_the_dashboard_period_from_the_boxes_and_from_the_links_the_hub_writes()
    {
        var teamLeader = await Factory.SignedInAsync(TeamLeader);

        var boxes = await teamLeader.GetDocumentAsync("/staff/dashboard?from.Day=2&from.Month=11&from.Year=2026&to.Day=29&to.Month=11&to.Year=2026");
        var link = await teamLeader.GetDocumentAsync("/staff/dashboard?from=2026-11-02&to=2026-11-29");

        foreach (var page in new[] { boxes, link })
        {
            page.ErrorLinks().ShouldBeEmpty();
            page.Text(".nhsuk-lede-text").ShouldStartWith("2 November 2026 to 29 November 2026");
            page.InputValue("from.Day").ShouldBe("2");
            page.InputValue("to.Year").ShouldBe("2026");
        }
    }

    [SkippableFact]
    public async Task Should_say_the_date_of_a_contact_must_include_a_month_and_keep_the_other_answers()
    {
        var referralId = await Factory.NewReferralAsync();
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var url = $"/staff/triage/referrals/{referralId}";
        var typed = new Dictionary<string, string>
        {
            ["Contact.When.Day"] = "2", ["Contact.When.Month"] = "", ["Contact.When.Year"] = "2026", ["Contact.When.Hour"] = "14", ["Contact.When.Minute"] = "30",
            ["Contact.Medium"] = "Phone", ["Contact.Place"] = "Remote", ["Contact.Attended"] = "yes", ["Contact.DurationMinutes"] = "25", ["Contact.Note"] = "Invented note kept.",
        };

        var page = await ComeBackAsync(await practitioner.SubmitAsync(await practitioner.GetDocumentAsync(url), "form[action*='handler=contact']", typed));

        var link = page.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldBe("Date of the contact must include a month");
        link.Target.ShouldBe("Contact_When_Month");
        page.InputValue("Contact.When.Day").ShouldBe("2");
        page.InputValue("Contact.When.Hour").ShouldBe("14");
        page.InputValue("Contact.DurationMinutes").ShouldBe("25");
        page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Contact.Note']")!.Value.ShouldBe("Invented note kept.");
        (await Factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ReferralId == referralId))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_say_the_time_of_an_attempt_must_include_a_minute()
    {
        var referralId = await Factory.NewReferralAsync();
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var typed = new Dictionary<string, string>
        {
            ["Attempt.When.Day"] = "2", ["Attempt.When.Month"] = "12", ["Attempt.When.Year"] = "2026", ["Attempt.When.Hour"] = "9", ["Attempt.When.Minute"] = "",
            ["Attempt.Method"] = "Phone", ["Attempt.Result"] = "NoAnswer",
        };

        var page = await ComeBackAsync(await practitioner.SubmitAsync(await practitioner.GetDocumentAsync($"/staff/triage/referrals/{referralId}"),
            "form[action*='handler=attempt']", typed));

        page.ErrorLinks().ShouldHaveSingleItem().Text.ShouldBe("Date of the attempt must include a minute");
        page.InputValue("Attempt.When.Hour").ShouldBe("9");
        page.QuerySelector<IHtmlInputElement>("input[name='Attempt.Method'][value='Phone']")!.IsChecked.ShouldBeTrue();
        (await Factory.WithDbAsync(db => db.ContactAttempts.CountAsync(a => a.ReferralId == referralId))).ShouldBe(0);
    }

    private static async Task<IHtmlDocument> ComeBackAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form comes back with a message");
        return await response.ReadDocumentAsync();
    }

    private Task<int> CareStartsAsync(Guid referralId) => Factory.WithDbAsync(async db =>
    {
        var spellId = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => r.SpellId).SingleAsync();
        return await db.CareStarts.CountAsync(c => c.SpellId == spellId);
    });

    public void Dispose() => _factory?.Dispose();
}
