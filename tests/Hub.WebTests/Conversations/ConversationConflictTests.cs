using System.Net;
using Hub.TestSupport;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Conversations;

/// <summary>
/// Two members of staff editing the same conversation, each through the real form: the later save
/// overwrites nothing, shows both versions and keeps every word typed; saving again from that page
/// is a deliberate choice and then works.
/// </summary>
public sealed class ConversationConflictTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string TextA = "Getting back to the swimming club on Tuesdays";
    private const string TextB = "Feeling less alone since joining the library reading group";

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_show_both_versions_and_keep_the_later_words_when_two_people_save_the_same_conversation()
    {
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var nurse = await Factory.SignedInAsync(Nurse);
        var (_, conversationId) = await Factory.NewConversationAsync(practitioner);
        var practitionerPage = await practitioner.EditPageAsync(conversationId);
        var nursePage = await nurse.EditPageAsync(conversationId);

        var first = await practitioner.SubmitAsync(practitionerPage, EditForm, new Dictionary<string, string> { [WhatMattersField] = TextA });
        first.IsRedirect().ShouldBeTrue("the first save goes through");

        var second = await nurse.SubmitAsync(nursePage, EditForm, new Dictionary<string, string> { [WhatMattersField] = TextB });

        second.StatusCode.ShouldBe(HttpStatusCode.OK, "the stale save comes back as a page, not a redirect");
        var conflictPage = await second.ReadDocumentAsync();
        conflictPage.ErrorSummary().ShouldHaveSingleItem().ShouldContain("saved this conversation");
        var callout = conflictPage.QuerySelector(".nhsuk-warning-callout");
        callout.ShouldNotBeNull("what the other person saved is shown");
        callout.TextContent.Contains(TextA, StringComparison.Ordinal).ShouldBeTrue("the summary shows the words saved first (A)");
        conflictPage.TextareaValue(WhatMattersField).ShouldBe(TextB, "the later words (B) are still in the form");
        (await Factory.StoredAsync(conversationId)).Content.WhatMatters.ShouldBe(TextA, "the stale save overwrote nothing");

        var again = await nurse.SubmitAsync(conflictPage, EditForm);

        again.IsRedirect().ShouldBeTrue("saving again from the conflict page is deliberate and goes through");
        (await Factory.StoredAsync(conversationId)).Content.WhatMatters.ShouldBe(TextB);
    }

    [SkippableFact]
    public async Task Should_still_refuse_the_first_page_after_the_conflict_was_resolved_by_saving_again()
    {
        // The practitioner's original page now carries a token two saves old: it must not overwrite B.
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var nurse = await Factory.SignedInAsync(Nurse);
        var (_, conversationId) = await Factory.NewConversationAsync(practitioner);
        var practitionerPage = await practitioner.EditPageAsync(conversationId);
        var nursePage = await nurse.EditPageAsync(conversationId);
        (await practitioner.SubmitAsync(practitionerPage, EditForm, new Dictionary<string, string> { [WhatMattersField] = TextA })).IsRedirect().ShouldBeTrue();
        var conflictPage = await (await nurse.SubmitAsync(nursePage, EditForm, new Dictionary<string, string> { [WhatMattersField] = TextB })).ReadDocumentAsync();
        (await nurse.SubmitAsync(conflictPage, EditForm)).IsRedirect().ShouldBeTrue();

        var stale = await practitioner.SubmitAsync(practitionerPage, EditForm, new Dictionary<string, string> { [WhatMattersField] = "An old tab" });

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.ReadDocumentAsync()).ErrorSummary().ShouldHaveSingleItem().ShouldContain("saved this conversation");
        (await Factory.StoredAsync(conversationId)).Content.WhatMatters.ShouldBe(TextB);
    }

    public void Dispose() => _factory?.Dispose();
}
