using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.Domain.Conversations;
using Hub.TestSupport;
using Hub.Web.Pages.Staff.Conversations;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Conversations;

/// <summary>
/// The conversation as a task list, through the real pages: each section is saved on its own and
/// shows not started, in progress or completed; a problem in one section stays there; completing
/// the conversation asks only that every section is completed and names those that are not; a
/// completed conversation's section saves a new version; and every page but the DIALOG ratings
/// holds at most 40 inputs, however many people are in the network map.
/// </summary>
public sealed class ConversationSectionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int InputLimit = 40;

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_show_each_section_as_not_started_in_progress_or_completed_on_the_task_list()
    {
        var (client, conversationId) = await NewConversationAsync();

        (await StatusesAsync(client, conversationId)).Values.ShouldAllBe(s => s == "Not started", "a new conversation has nothing in any section");

        // Words without an answer to "Have you completed this section?", then a section said to be complete.
        await client.SaveDraftAsync(conversationId, new Dictionary<string, string> { [WhatMattersField] = "Invented: the allotment on Sundays" });
        var safety = await client.EditPageAsync(conversationId, "safety-plan");
        (await client.SubmitAsync(safety, EditForm, new Dictionary<string, string>
        {
            ["Form.SafetyPlan.WhatHelps"] = "Invented: a walk by the canal",
            [SectionDoneField] = "yes",
        })).IsRedirect().ShouldBeTrue();

        var statuses = await StatusesAsync(client, conversationId);
        statuses["what-matters"].ShouldBe("In progress");
        statuses["safety-plan"].ShouldBe("Completed");
        statuses.Where(s => s.Key is not ("what-matters" or "safety-plan")).Select(s => s.Value).ShouldAllBe(s => s == "Not started");
        (await Factory.StoredAsync(conversationId)).Content.CompletedSections.ShouldBe([ConversationSection.SafetyPlan]);
    }

    [SkippableFact]
    public async Task Should_keep_a_person_without_how_often_inside_the_people_section_and_leave_every_other_section_as_saved()
    {
        var (client, conversationId) = await NewConversationAsync();
        var before = new Dictionary<string, string> { [WhatMattersField] = "Invented: seeing my sister", ["Form.Strengths"] = "Invented: I keep going" };
        await client.SaveDraftAsync(conversationId, before);
        var strengths = await client.EditPageAsync(conversationId, "strengths");
        (await client.SubmitAsync(strengths, EditForm, new Dictionary<string, string> { [SectionDoneField] = "yes" })).IsRedirect().ShouldBeTrue();
        var stored = await Factory.StoredStateAsync(conversationId);
        var people = await client.EditPageAsync(conversationId, "people");

        var response = await client.SubmitAsync(people, EditForm, new Dictionary<string, string>
        {
            ["Person.Name"] = "Invented: Aunt Jo",
            ["Person.Quality"] = "Supportive",
            [SectionDoneField] = "yes",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the people page comes back with the problem");
        var shown = await response.ReadDocumentAsync();
        var link = shown.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldBe("Select how often they are in touch");
        link.Target.ShouldBe("Person_Frequency", "the summary links to the person's \"how often\" box on this page");
        shown.GetElementById("Person_Frequency-error").ShouldNotBeNull("the message sits next to the box");
        shown.QuerySelector<IHtmlInputElement>("input[name='Person.Name']")!.Value.ShouldBe("Invented: Aunt Jo", "what was typed is kept");
        shown.QuerySelector<IHtmlSelectElement>("select[name='Person.Quality']")!.Value.ShouldBe("Supportive");
        (await Factory.StoredStateAsync(conversationId)).ShouldBe(stored, "nothing is saved, not even the completed mark");

        // Every other section is untouched and can be carried on with.
        var statuses = await StatusesAsync(client, conversationId);
        statuses["what-matters"].ShouldBe("In progress");
        statuses["strengths"].ShouldBe("Completed");
        statuses["people"].ShouldBe("Not started");
        (await client.SubmitAsync(await client.EditPageAsync(conversationId, "goals"), EditForm, new Dictionary<string, string>
        {
            ["Form.Goals[0].Text"] = "Invented: sleep better",
            [SectionDoneField] = "yes",
        })).IsRedirect().ShouldBeTrue("another section saves while the people section has a problem");

        // Fixed in its own section, the person is saved.
        var fixedUp = await client.SubmitAsync(shown, EditForm, new Dictionary<string, string> { ["Person.Frequency"] = "Weekly" });
        fixedUp.IsRedirect().ShouldBeTrue($"with how often, the person is saved ({string.Join("; ", fixedUp.IsRedirect() ? [] : (await fixedUp.ReadDocumentAsync()).ErrorSummary())})");
        var network = (await Factory.StoredAsync(conversationId)).Content.Network.ShouldHaveSingleItem();
        network.Frequency.ShouldBe(ContactFrequency.Weekly);
        (await StatusesAsync(client, conversationId))["people"].ShouldBe("Completed");
    }

    [SkippableFact]
    public async Task Should_refuse_to_complete_the_conversation_naming_each_section_not_yet_completed()
    {
        var (client, conversationId) = await NewConversationAsync();
        foreach (var section in new[] { "what-matters", "dialog", "summary" })
        {
            (await client.SubmitAsync(await client.EditPageAsync(conversationId, section), EditForm, new Dictionary<string, string> { [SectionDoneField] = "yes" }))
                .IsRedirect().ShouldBeTrue();
        }
        var stored = await Factory.StoredStateAsync(conversationId);

        var response = await client.SubmitAsync(await client.TaskListAsync(conversationId), CompleteForm);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the task list comes back saying what is left");
        var shown = await response.ReadDocumentAsync();
        var links = shown.ErrorLinks();
        links.Select(l => l.Target).ShouldBe(["task-strengths", "task-people", "task-life-areas", "task-safety-plan", "task-goals"]);
        links[0].Text.ShouldBe("Complete the section \u201cStrengths and connections\u201d before completing the conversation");
        links.ShouldAllBe(l => shown.GetElementById(l.Target!) != null);
        var conversation = await Factory.StoredAsync(conversationId);
        conversation.Status.ShouldBe(ConversationStatus.Draft);
        (await Factory.StoredStateAsync(conversationId)).ShouldBe(stored, "nothing changes");
    }

    [SkippableFact]
    public async Task Should_complete_once_every_section_is_completed_and_then_save_a_changed_section_as_a_new_version()
    {
        var (client, conversationId) = await NewConversationAsync();

        var completed = await client.CompleteAsync(conversationId, new Dictionary<string, string> { [WhatMattersField] = "Invented: first words" });

        completed.IsRedirect().ShouldBeTrue("every section is completed, so the conversation is");
        var conversation = await Factory.StoredAsync(conversationId);
        conversation.Status.ShouldBe(ConversationStatus.Completed);
        conversation.VersionNumber.ShouldBe(1);

        var page = await client.EditPageAsync(conversationId, "what-matters");
        page.QuerySelector($"input[name='{SectionDoneField}']").ShouldBeNull("a completed conversation does not ask whether a section is complete");
        page.QuerySelector("#conversation-form")!.GetAttribute("data-autosave").ShouldBe("false", "a new version is saved deliberately, never by autosave");
        (await client.SubmitAsync(page, EditForm, new Dictionary<string, string> { [WhatMattersField] = "Invented: changed words" })).IsRedirect().ShouldBeTrue();

        var revised = await Factory.StoredAsync(conversationId);
        revised.VersionNumber.ShouldBe(2, "a change to a completed conversation is a new version");
        revised.Content.WhatMatters.ShouldBe("Invented: changed words");
        var versions = await Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            System.Linq.Queryable.OrderBy(System.Linq.Queryable.Where(db.ConversationVersions, v => v.ConversationId == conversationId), v => v.Number)));
        versions.Select(v => v.Content.WhatMatters).ShouldBe(["Invented: first words", "Invented: changed words"], "the first version is kept as it was");
    }

    [SkippableFact]
    public async Task Should_add_change_and_remove_people_one_at_a_time_without_JavaScript()
    {
        var (client, conversationId) = await NewConversationAsync();
        var people = await client.EditPageAsync(conversationId, "people");
        var added = await client.SubmitAsync(people, EditForm, Person("Invented: Mum", "Daily"), "button[formaction$='handler=addPerson']");
        added.IsRedirect().ShouldBeTrue();
        people = await client.GetDocumentAsync(added.Headers.Location!.ToString());
        (await client.SubmitAsync(people, EditForm, Person("Invented: Sam", "Monthly"))).IsRedirect().ShouldBeTrue();

        var change = await client.GetDocumentAsync(SectionUrl(conversationId, "people") + "?person=1");
        change.QuerySelector<IHtmlInputElement>("input[name='Person.Name']")!.Value.ShouldBe("Invented: Sam", "the change form holds the person chosen");
        (await client.SubmitAsync(change, EditForm, new Dictionary<string, string> { ["Person.Frequency"] = "Weekly" })).IsRedirect().ShouldBeTrue();
        var network = (await Factory.StoredAsync(conversationId)).Content.Network;
        network.Select(m => (m.Name, m.Frequency)).ShouldBe([("Invented: Mum", ContactFrequency.Daily), ("Invented: Sam", ContactFrequency.Weekly)]);

        var list = await client.EditPageAsync(conversationId, "people");
        var removed = await client.SubmitAsync(list, EditForm, submitSelector: "button[formaction*='handler=remove'][formaction$='remove=0']");
        removed.IsRedirect().ShouldBeTrue();
        (await Factory.StoredAsync(conversationId)).Content.Network.ShouldHaveSingleItem().Name.ShouldBe("Invented: Sam");
    }

    [SkippableFact]
    public async Task Should_hold_at_most_40_inputs_on_every_conversation_page_except_the_DIALOG_ratings()
    {
        var (client, conversationId) = await NewConversationAsync();
        // A full network map: the people page must stay short however many there are.
        for (var i = 0; i < 30; i++)
        {
            var page = await client.EditPageAsync(conversationId, "people");
            (await client.SubmitAsync(page, EditForm, Person($"Invented person {i}", "Weekly"), "button[formaction$='handler=addPerson']")).IsRedirect().ShouldBeTrue();
        }
        (await Factory.StoredAsync(conversationId)).Content.Network.Count.ShouldBe(30);

        var pages = new List<(string Name, string Url)> { ("task list", EditUrl(conversationId)) };
        pages.AddRange(Sections.Select(s => (s, SectionUrl(conversationId, s))));
        pages.Add(("changing a person", SectionUrl(conversationId, "people") + "?person=29"));
        // Every section the conversation has, so a section added later is counted too.
        Sections.ShouldBe(ConversationSections.All.Select(s => s.Slug()), "the pages counted are every section of the task list");
        var counts = new Dictionary<string, int>();
        foreach (var (name, url) in pages)
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, name);
            var document = await response.ReadDocumentAsync();
            counts[name] = InputsOn(document);
            if (name == "dialog")
            {
                // The exception is the ratings alone: everything else on that page keeps to the limit.
                var ratings = document.QuerySelectorAll("input[type='radio'][name$='].Rating']").Length;
                ratings.ShouldBeGreaterThan(0);
                counts["dialog apart from its ratings"] = counts[name] - ratings;
            }
        }

        counts.Where(c => c.Key != "dialog").ShouldAllBe(c => c.Value <= InputLimit, string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        counts["dialog"].ShouldBeGreaterThan(InputLimit, "the count sees the DIALOG page's 99 rating controls, so it is counting");
    }

    /// <summary>Every control a person can fill in or choose: inputs of every type but hidden, selects and textareas.</summary>
    private static int InputsOn(IHtmlDocument page) =>
        page.QuerySelectorAll("input:not([type='hidden']), select, textarea").Length;

    private static Dictionary<string, string> Person(string name, string frequency) => new()
    {
        ["Person.Name"] = name,
        ["Person.Quality"] = "Supportive",
        ["Person.Frequency"] = frequency,
        ["Person.CouldJoin"] = "no",
    };

    private static async Task<Dictionary<string, string>> StatusesAsync(HttpClient client, Guid conversationId)
    {
        var list = await client.TaskListAsync(conversationId);
        var rows = list.QuerySelectorAll(".nhsuk-task-list__item");
        rows.Length.ShouldBe(Sections.Length, "one task per section");
        return rows.ToDictionary(r => r.Id!["task-".Length..], r => r.QuerySelector(".nhsuk-task-list__status")!.TextContent.Trim());
    }

    private async Task<(HttpClient Client, Guid ConversationId)> NewConversationAsync()
    {
        var client = await Factory.SignedInAsync(Practitioner);
        var (_, conversationId) = await Factory.NewConversationAsync(client);
        return (client, conversationId);
    }

    public void Dispose() => _factory?.Dispose();
}
