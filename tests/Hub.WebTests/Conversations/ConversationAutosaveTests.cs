using AngleSharp.Dom;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Hub.TestSupport;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Conversations;

/// <summary>
/// The autosave endpoint the page's script calls with the form's own fields: it saves a draft and
/// hands back the new token, refuses a stale token (409) and invalid input (422) without saving,
/// and like every POST needs the antiforgery token (400 without).
/// </summary>
public sealed class ConversationAutosaveTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_save_the_draft_and_return_a_new_token_when_autosaving_with_the_current_token()
    {
        var (client, conversationId) = await NewConversationAsync();
        var page = await client.EditPageAsync(conversationId);
        var token = TokenOn(page);

        var response = await AutosaveAsync(client, page, conversationId, new() { [WhatMattersField] = "Cooking for friends again" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = await JsonAsync(response);
        json.RootElement.GetProperty("saved").GetBoolean().ShouldBeTrue();
        var newToken = json.RootElement.GetProperty("token").GetGuid();
        newToken.ShouldNotBe(token, "every save changes the token");
        var stored = await Factory.StoredAsync(conversationId);
        stored.ConcurrencyToken.ShouldBe(newToken, "the token returned is the one stored");
        stored.Content.WhatMatters.ShouldBe("Cooking for friends again");
    }

    [SkippableFact]
    public async Task Should_answer_409_and_save_nothing_when_autosaving_again_with_the_same_stale_token()
    {
        var (client, conversationId) = await NewConversationAsync();
        var page = await client.EditPageAsync(conversationId);
        (await AutosaveAsync(client, page, conversationId, new() { [WhatMattersField] = "First words" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterFirst = await Factory.StoredStateAsync(conversationId);

        // The same page, so the same (now stale) token, with different words.
        var response = await AutosaveAsync(client, page, conversationId, new() { [WhatMattersField] = "Second words" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var json = await JsonAsync(response);
        json.RootElement.GetProperty("conflict").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("saved").GetBoolean().ShouldBeFalse();
        (await Factory.StoredStateAsync(conversationId)).ShouldBe(afterFirst, "a stale autosave overwrites nothing");
    }

    [SkippableFact]
    public async Task Should_answer_422_and_save_nothing_when_autosaving_an_invalid_rating()
    {
        var (client, conversationId) = await NewConversationAsync();
        var page = await client.EditPageAsync(conversationId, "dialog");
        var before = await Factory.StoredStateAsync(conversationId);
        var rating = page.DialogRatingField("accommodation");

        var response = await AutosaveAsync(client, page, conversationId, new()
        {
            [rating] = "9",
            [rating.Replace(".Rating", ".Comment", StringComparison.Ordinal)] = "Words that must wait for the explicit save",
        }, "dialog");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        using var json = await JsonAsync(response);
        json.RootElement.GetProperty("invalid").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("saved").GetBoolean().ShouldBeFalse();
        (await Factory.StoredStateAsync(conversationId)).ShouldBe(before, "an invalid autosave saves nothing");
    }

    [SkippableFact]
    public async Task Should_answer_400_and_save_nothing_when_autosaving_without_the_antiforgery_token()
    {
        var (client, conversationId) = await NewConversationAsync();
        var page = await client.EditPageAsync(conversationId);
        var before = await Factory.StoredStateAsync(conversationId);
        var antiforgery = page.QuerySelector("#conversation-form input[name='__RequestVerificationToken']");
        antiforgery.ShouldNotBeNull("the form carries an antiforgery token");
        antiforgery.Remove();

        var response = await AutosaveAsync(client, page, conversationId, new() { [WhatMattersField] = "Posted from another site" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.StoredStateAsync(conversationId)).ShouldBe(before, "a request without the antiforgery token saves nothing");
    }

    private async Task<(HttpClient Client, Guid ConversationId)> NewConversationAsync()
    {
        var client = await Factory.SignedInAsync(Practitioner);
        var (_, conversationId) = await Factory.NewConversationAsync(client);
        return (client, conversationId);
    }

    /// <summary>Posts the form's own fields to the autosave URL, as the script does with FormData.</summary>
    private static Task<HttpResponseMessage> AutosaveAsync(HttpClient client, IHtmlDocument page, Guid conversationId, Dictionary<string, string> values, string section = "what-matters")
    {
        var form = page.QuerySelector(EditForm)!;
        form.GetAttribute("data-autosave-url").ShouldBe(AutosaveUrl(conversationId, section), "the script posts to the section's autosave handler");
        form.SetAttribute("action", AutosaveUrl(conversationId, section));
        return client.SubmitAsync(page, EditForm, values);
    }

    private static Guid TokenOn(IHtmlDocument page) =>
        Guid.Parse(page.QuerySelector<IHtmlInputElement>("#conversation-form input[name='Token']")!.Value);

    private static async Task<JsonDocument> JsonAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _factory?.Dispose();
}
