using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Hub.Domain.Audit;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Conversations;

/// <summary>
/// What the conversation tests do again and again, always through the real pages: a referral sent
/// by an invented person through the public form, a conversation started from the referral page by
/// a signed-in practitioner, and reads of what was stored.
/// </summary>
internal static class ConversationSteps
{
    public const string DemoPassword = "LivingWell-demo-2026";
    public const string Practitioner = "practitioner@demo.livingwell.test";
    public const string Nurse = "nurse@demo.livingwell.test";
    public const string TeamLeader = "teamleader@demo.livingwell.test";
    public const string Commissioner = "commissioner@demo.livingwell.test";
    public const string Admin = "admin@demo.livingwell.test";

    public const string SignInPath = "/staff/account/sign-in";
    public const string AccessDeniedPath = "/staff/account/access-denied";

    /// <summary>A section page's form; its own action saves the section ("Save and continue").</summary>
    public const string EditForm = "form#conversation-form";

    /// <summary>The task list's form that completes the conversation.</summary>
    public const string CompleteForm = "form#complete-form";

    /// <summary>The answer to "Have you completed this section?" on every section page of a draft.</summary>
    public const string SectionDoneField = "SectionDone";

    /// <summary>The section pages, in task list order, by the last part of their address.</summary>
    public static readonly string[] Sections = ["what-matters", "strengths", "people", "dialog", "life-areas", "safety-plan", "goals", "summary"];

    public const string WhatMattersField = "Form.WhatMatters";

    private static int _phoneCounter;

    /// <summary>The task list.</summary>
    public static string EditUrl(Guid id) => $"/staff/conversations/{id}/edit";
    public static string SectionUrl(Guid id, string section) => $"/staff/conversations/{id}/edit/{section}";
    public static string ViewUrl(Guid id) => $"/staff/conversations/{id}";
    public static string AutosaveUrl(Guid id, string section = "what-matters") => $"/staff/conversations/{id}/edit/{section}?handler=autosave";

    /// <summary>A client signed in through the real sign-in form as a demo account.</summary>
    public static async Task<HttpClient> SignedInAsync(this HubWebFactory factory, string email)
    {
        var client = factory.NewClient();
        var signIn = await client.SignInAsync(email, DemoPassword);
        signIn.IsRedirect().ShouldBeTrue($"the demo account {email} signs in");
        return client;
    }

    /// <summary>
    /// A new referral, and so a new spell, sent through the public self-referral form by an invented
    /// person with a phone number of their own (so it never joins anyone else's record).
    /// </summary>
    public static async Task<Guid> NewReferralAsync(this HubWebFactory factory)
    {
        var number = Interlocked.Increment(ref _phoneCounter);
        var client = factory.NewClient();
        var check = await client.CheckPageAsync(Answers(
            ("ContactMethod", "Phone"),
            ("Phone", $"07700 901 {number % 1000:000}"),
            ("SafeToLeaveMessage", "no"),
            ("PreferredName", "Robin"),
            ("WhatIsHappening", "I have not been sleeping and would like to talk.")));
        var reference = await client.ReferenceShownAfterAsync(await client.SendAsync(check));
        return await factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
    }

    /// <summary>Starts the first conversation with the referral page's button; returns the conversation's id.</summary>
    public static async Task<Guid> StartConversationAsync(this HttpClient practitioner, Guid referralId)
    {
        var referralPage = await practitioner.GetDocumentAsync($"/staff/triage/referrals/{referralId}");
        var started = await practitioner.SubmitAsync(referralPage, "form[action$='handler=conversation']");
        started.IsRedirect().ShouldBeTrue("starting a conversation goes to its edit page");
        var path = started.PathOf();
        path.ShouldMatch("^/staff/conversations/[0-9a-f-]{36}/edit$");
        return Guid.Parse(path.Split('/')[3]);
    }

    /// <summary>A fresh referral and a practitioner's new conversation for it.</summary>
    public static async Task<(Guid ReferralId, Guid ConversationId)> NewConversationAsync(this HubWebFactory factory, HttpClient practitioner)
    {
        var referralId = await factory.NewReferralAsync();
        return (referralId, await practitioner.StartConversationAsync(referralId));
    }

    /// <summary>A section's page (by default the first, "what matters").</summary>
    public static async Task<IHtmlDocument> EditPageAsync(this HttpClient client, Guid conversationId, string section = "what-matters")
    {
        var response = await client.GetAsync(SectionUrl(conversationId, section));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> TaskListAsync(this HttpClient client, Guid conversationId)
    {
        var response = await client.GetAsync(EditUrl(conversationId));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadDocumentAsync();
    }

    /// <summary>The section page a form field belongs to.</summary>
    public static string SectionOf(string field) => field switch
    {
        _ when field.StartsWith("Form.WhatMatters", StringComparison.Ordinal) || field.StartsWith("Form.GoingWell", StringComparison.Ordinal) => "what-matters",
        _ when field.StartsWith("Form.Strengths", StringComparison.Ordinal) || field.StartsWith("Form.Resources", StringComparison.Ordinal) => "strengths",
        _ when field.StartsWith("Person.", StringComparison.Ordinal) => "people",
        _ when field.StartsWith("Form.Dialog", StringComparison.Ordinal) || field.StartsWith("Form.Other", StringComparison.Ordinal) => "dialog",
        _ when field.StartsWith("Form.Needs", StringComparison.Ordinal) => "life-areas",
        _ when field.StartsWith("Form.SafetyPlan", StringComparison.Ordinal) => "safety-plan",
        _ when field.StartsWith("Form.Goals", StringComparison.Ordinal) => "goals",
        _ when field.StartsWith("Form.PractitionerSummary", StringComparison.Ordinal) => "summary",
        _ => throw new InvalidOperationException($"No section holds {field}."),
    };

    /// <summary>Saves each section <paramref name="values"/> touch, through its own page, and checks each was saved.</summary>
    public static async Task SaveDraftAsync(this HttpClient client, Guid conversationId, IDictionary<string, string> values)
    {
        foreach (var section in values.GroupBy(v => SectionOf(v.Key)))
        {
            var saved = await client.SubmitAsync(await client.EditPageAsync(conversationId, section.Key), EditForm, section);
            saved.IsRedirect().ShouldBeTrue($"a valid section ({section.Key}) is saved");
        }
    }

    /// <summary>
    /// Completes the conversation as a practitioner does: every section saved through its page with
    /// <paramref name="values"/> filled in and "Yes, I've completed this section", then the task
    /// list's "Complete conversation". DIALOG ratings are given by item code ("dialog:mental-health").
    /// Returns the response to the completion.
    /// </summary>
    public static async Task<HttpResponseMessage> CompleteAsync(this HttpClient client, Guid conversationId, IDictionary<string, string>? values = null)
    {
        values ??= new Dictionary<string, string>();
        foreach (var section in Sections)
        {
            var page = await client.EditPageAsync(conversationId, section);
            const string dialog = "dialog:";
            var filled = values
                .Where(v => (v.Key.StartsWith(dialog, StringComparison.Ordinal) ? "dialog" : SectionOf(v.Key)) == section)
                .Select(v => v.Key.StartsWith(dialog, StringComparison.Ordinal) ? new KeyValuePair<string, string>(page.DialogRatingField(v.Key[dialog.Length..]), v.Value) : v)
                .Append(new(SectionDoneField, "yes"));
            var saved = await client.SubmitAsync(page, EditForm, filled);
            saved.IsRedirect().ShouldBeTrue($"the section {section} is saved and marked completed");
        }
        return await client.SubmitAsync(await client.TaskListAsync(conversationId), CompleteForm);
    }

    /// <summary>The form field name of a DIALOG item's rating (the rows carry their item code in a hidden field).</summary>
    public static string DialogRatingField(this IHtmlDocument page, string itemCode)
    {
        var code = page.QuerySelectorAll<IHtmlInputElement>("input[type='hidden'][name^='Form.Dialog[']")
            .SingleOrDefault(i => i.Value == itemCode)
            ?? throw new InvalidOperationException($"No DIALOG row for {itemCode} on the page.");
        return code.Name!.Replace(".Code", ".Rating", StringComparison.Ordinal);
    }

    public static Task<Conversation> StoredAsync(this HubWebFactory factory, Guid conversationId) =>
        factory.WithDbAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId));

    /// <summary>
    /// The stored conversation's token and content as JSON, to tell whether anything was saved (the
    /// content record's lists compare by reference, so it is compared as JSON).
    /// </summary>
    public static async Task<string> StoredStateAsync(this HubWebFactory factory, Guid conversationId)
    {
        var stored = await factory.StoredAsync(conversationId);
        return $"{stored.ConcurrencyToken} {System.Text.Json.JsonSerializer.Serialize(stored.Content)}";
    }

    public static Task<int> ViewAuditRowsAsync(this HubWebFactory factory, Guid conversationId) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().CountAsync(a => a.RecordId == conversationId && a.Action == AuditAction.View));

    public static Task<List<OutcomeRecord>> OutcomeRecordsAsync(this HubWebFactory factory, Guid conversationId) =>
        factory.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().Where(o => o.ConversationId == conversationId).ToListAsync());

    public static async Task<Hub.Domain.Spells.ReferralSpell> SpellOfReferralAsync(this HubWebFactory factory, Guid referralId) =>
        await factory.WithDbAsync(async db =>
        {
            var spellId = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => r.SpellId).SingleAsync();
            return await db.Spells.AsNoTracking().SingleAsync(s => s.Id == spellId);
        });

    /// <summary>The error summary's links as (text, target id without '#').</summary>
    public static IReadOnlyList<(string Text, string? Target)> ErrorLinks(this IHtmlDocument page) =>
        page.QuerySelectorAll(".nhsuk-error-summary__list li")
            .Select(li => (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href")?.TrimStart('#')))
            .ToList();

    public static string TextareaValue(this IHtmlDocument page, string name) =>
        page.QuerySelector<IHtmlTextAreaElement>($"textarea[name='{name}']")?.Value
        ?? throw new InvalidOperationException($"No textarea {name} on the page.");
}
