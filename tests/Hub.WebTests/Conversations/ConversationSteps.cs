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

    /// <summary>The conversation form; its own action saves a draft.</summary>
    public const string EditForm = "form#conversation-form";
    public const string CompleteButton = "button[formaction$='handler=complete']";

    public const string WhatMattersField = "Form.WhatMatters";

    private static int _phoneCounter;

    public static string EditUrl(Guid id) => $"/staff/conversations/{id}/edit";
    public static string ViewUrl(Guid id) => $"/staff/conversations/{id}";
    public static string AutosaveUrl(Guid id) => $"/staff/conversations/{id}/edit?handler=autosave";

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

    public static async Task<IHtmlDocument> EditPageAsync(this HttpClient client, Guid conversationId)
    {
        var response = await client.GetAsync(EditUrl(conversationId));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadDocumentAsync();
    }

    /// <summary>Saves a draft through the form with <paramref name="values"/> filled in and checks it was saved.</summary>
    public static async Task SaveDraftAsync(this HttpClient client, Guid conversationId, IDictionary<string, string> values)
    {
        var saved = await client.SubmitAsync(await client.EditPageAsync(conversationId), EditForm, values);
        saved.IsRedirect().ShouldBeTrue("a valid draft is saved");
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
