using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Hub.Domain.Outcomes;
using Hub.TestSupport;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Conversations;

/// <summary>
/// Bad input through the real conversation form: the page says what to fix next to the field, the
/// summary links to it, nothing is saved, and nothing the practitioner typed is lost. Unanswered
/// ratings stay unanswered: never a 0 that would count as a score.
/// </summary>
public sealed class ConversationBadInputTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string DialogMessage = "Choose a rating from 1 to 7, or leave it not answered";
    private const string SavedWords = "Seeing my grandchildren at weekends";

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_refuse_a_DIALOG_rating_of_8_with_a_message_linked_to_the_rating_and_save_nothing()
    {
        await ShouldRefuseDialogRatingAsync("8");
    }

    [SkippableFact]
    public async Task Should_refuse_a_DIALOG_rating_that_is_not_a_number_with_a_message_linked_to_the_rating_and_save_nothing()
    {
        await ShouldRefuseDialogRatingAsync("abc");
    }

    [SkippableFact]
    public async Task Should_refuse_what_matters_over_4000_characters_and_keep_every_character_typed_in_the_textarea()
    {
        var (client, conversationId) = await DraftWithWordsAsync();
        var stored = await Factory.StoredStateAsync(conversationId);
        var typed = string.Concat(Enumerable.Repeat("word ", 800)) + "x"; // 4,000 characters is the limit; this is one more.
        typed.Length.ShouldBe(4001);
        var page = await client.EditPageAsync(conversationId);

        var response = await client.SubmitAsync(page, EditForm, new Dictionary<string, string> { [WhatMattersField] = typed });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form comes back with a message, not a redirect");
        var shown = await response.ReadDocumentAsync();
        var link = shown.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldBe("What matters must be 4,000 characters or fewer");
        ShouldPointAtAnElement(shown, link.Target, "Form_WhatMatters", link.Text);
        var kept = shown.TextareaValue(WhatMattersField);
        (kept == typed).ShouldBeTrue($"the textarea keeps all {typed.Length} characters typed (it held {kept.Length})");
        (await Factory.StoredStateAsync(conversationId)).ShouldBe(stored, "nothing is saved");
    }

    [SkippableFact]
    public async Task Should_ask_for_the_goal_in_the_persons_words_before_a_goal_is_rated()
    {
        var (client, conversationId) = await DraftWithWordsAsync();
        var stored = await Factory.StoredStateAsync(conversationId);
        var page = await client.EditPageAsync(conversationId, "goals");

        var response = await client.SubmitAsync(page, EditForm, new Dictionary<string, string>
        {
            ["Form.Goals[0].Text"] = "",
            ["Form.Goals[0].Rating"] = "4",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await response.ReadDocumentAsync();
        var link = shown.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldBe("Write the goal in the person's words before rating it");
        ShouldPointAtAnElement(shown, link.Target, "Form_Goals_0__Text", link.Text);
        shown.QuerySelector<IHtmlSelectElement>("select[name='Form.Goals[0].Rating']")!.Value.ShouldBe("4", "the rating chosen is kept");
        (await Factory.StoredStateAsync(conversationId)).ShouldBe(stored, "nothing is saved");
    }

    [SkippableFact]
    public async Task Should_keep_unanswered_DIALOG_items_unanswered_after_completion_rather_than_scoring_them_0()
    {
        var client = await Factory.SignedInAsync(Practitioner);
        var (_, conversationId) = await Factory.NewConversationAsync(client);
        var rated = new Dictionary<string, int> { ["mental-health"] = 3, ["friendships"] = 6 };
        var values = rated.ToDictionary(r => "dialog:" + r.Key, r => r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var completed = await client.CompleteAsync(conversationId, values);

        completed.IsRedirect().ShouldBeTrue("the conversation is completed");
        var unanswered = BuiltInMeasures.Dialog.Items.Select(i => i.Code).Except(rated.Keys).ToList();

        // The view page says so in words.
        var view = await client.GetDocumentAsync(ViewUrl(conversationId));
        var ratingCells = view.QuerySelectorAll("table.nhsuk-table tbody tr")
            .Select(tr => (Area: tr.QuerySelector("th")?.TextContent.Trim(), Rating: tr.QuerySelector("td")?.TextContent.Trim()))
            .Where(r => r.Area is not null)
            .ToDictionary(r => r.Area!, r => r.Rating);
        foreach (var code in BuiltInMeasures.Dialog.Items.Select(i => i.Code))
        {
            var label = Hub.Application.Conversations.DialogLabels.Short(code);
            ratingCells.ShouldContainKey(label);
            ratingCells[label].ShouldBe(rated.TryGetValue(code, out var r) ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Not answered", $"DIALOG {code} on the view page");
        }

        // The outcome record holds the answered items only: absent means not answered.
        var dialog = (await Factory.OutcomeRecordsAsync(conversationId)).ShouldHaveSingleItem("one DIALOG record for this conversation");
        dialog.MeasureCode.ShouldBe(BuiltInMeasures.DialogCode);
        dialog.IsBaseline.ShouldBeTrue();
        dialog.Ratings.Keys.ShouldBe(rated.Keys, ignoreOrder: true);
        foreach (var (code, rating) in rated)
        {
            dialog.Ratings[code].ShouldBe(rating);
        }
        unanswered.ShouldAllBe(code => !dialog.Ratings.ContainsKey(code));

        // And the stored content holds no answer for them either.
        var content = (await Factory.StoredAsync(conversationId)).Content;
        unanswered.ShouldAllBe(code => !content.Dialog.ContainsKey(code) || content.Dialog[code].Rating == null);
    }

    private async Task ShouldRefuseDialogRatingAsync(string posted)
    {
        var (client, conversationId) = await DraftWithWordsAsync();
        var stored = await Factory.StoredStateAsync(conversationId);
        var page = await client.EditPageAsync(conversationId, "dialog");
        var field = page.DialogRatingField("physical-health");
        var comment = page.DialogRatingField("accommodation").Replace(".Rating", ".Comment", StringComparison.Ordinal);

        // Together with a change elsewhere in the section, which must not be saved either.
        var response = await client.SubmitAsync(page, EditForm, new Dictionary<string, string>
        {
            [field] = posted,
            [comment] = "Walking to the shop",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"a rating of '{posted}' sends the form back");
        var shown = await response.ReadDocumentAsync();
        var link = shown.ErrorLinks().ShouldHaveSingleItem();
        link.Text.ShouldBe(DialogMessage);
        ShouldPointAtAnElement(shown, link.Target, IdOf(field), DialogMessage);
        shown.QuerySelector($"#{link.Target}")!.GetAttribute("name").ShouldBe(field, "the link lands on the physical health rating");
        shown.QuerySelector<IHtmlInputElement>($"input[name='{comment}']")!.Value.ShouldBe("Walking to the shop", "what was typed elsewhere is kept");
        (await Factory.StoredStateAsync(conversationId)).ShouldBe(stored, "nothing is saved");
    }

    /// <summary>The summary entry links to the field, the field is there, and the same message sits next to it.</summary>
    private static void ShouldPointAtAnElement(IHtmlDocument page, string? target, string expectedId, string message)
    {
        target.ShouldNotBeNull($"the error summary entry is a link to the field '{expectedId}' (an entry without a link means the error was not mapped to any field)");
        target.ShouldBe(expectedId);
        page.GetElementById(target).ShouldNotBeNull($"an element with id '{target}' is on the page for the summary link to land on");
        var inline = page.GetElementById($"{target}-error");
        inline.ShouldNotBeNull($"the message is shown next to '{target}' too");
        inline.TextContent.ShouldContain(message);
    }

    /// <summary>The id the NHS form fields give a field name: dots and brackets become underscores.</summary>
    private static string IdOf(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    private async Task<(HttpClient Client, Guid ConversationId)> DraftWithWordsAsync()
    {
        var client = await Factory.SignedInAsync(Practitioner);
        var (_, conversationId) = await Factory.NewConversationAsync(client);
        await client.SaveDraftAsync(conversationId, new Dictionary<string, string> { [WhatMattersField] = SavedWords });
        (await Factory.StoredAsync(conversationId)).Content.WhatMatters.ShouldBe(SavedWords);
        return (client, conversationId);
    }

    public void Dispose() => _factory?.Dispose();
}
