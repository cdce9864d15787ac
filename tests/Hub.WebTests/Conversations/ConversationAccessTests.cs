using System.Net;
using Hub.TestSupport;
using static Hub.WebTests.Conversations.ConversationSteps;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Conversations;

/// <summary>
/// Who can open a conversation: nobody anonymous, not a commissioner nor an administrator (their
/// roles do not hold people's words), a practitioner and a team leader yes; and every opening is
/// audited once.
/// </summary>
public sealed class ConversationAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    /// <summary>Invented words the conversation holds; none may reach someone without access.</summary>
    private static readonly string[] ConversationWords = ["marigolds", "allotment", "Saturday choir", "Sleep through the night"];

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_send_an_anonymous_visitor_to_sign_in_instead_of_a_conversation()
    {
        var conversationId = await ConversationWithWordsAsync();
        var anonymous = Factory.NewClient();

        foreach (var url in new[] { EditUrl(conversationId), SectionUrl(conversationId, "what-matters"), ViewUrl(conversationId), $"{ViewUrl(conversationId)}/versions/1" })
        {
            var response = await anonymous.GetAsync(url);

            response.IsRedirect().ShouldBeTrue($"anonymous GET of a conversation page ({Describe(url)}) is redirected");
            response.PathOf().ShouldBe(SignInPath, StringCompareShould.IgnoreCase);
        }
    }

    [SkippableFact]
    public async Task Should_not_show_a_conversation_to_a_commissioner()
    {
        await ShouldBeDeniedAsync(Commissioner);
    }

    [SkippableFact]
    public async Task Should_not_show_a_conversation_to_an_administrator()
    {
        await ShouldBeDeniedAsync(Admin);
    }

    [SkippableFact]
    public async Task Should_open_a_conversation_for_a_practitioner_and_for_a_team_leader()
    {
        var conversationId = await ConversationWithWordsAsync();

        foreach (var email in new[] { Practitioner, TeamLeader })
        {
            var client = await Factory.SignedInAsync(email);
            foreach (var url in new[] { SectionUrl(conversationId, "what-matters"), ViewUrl(conversationId) })
            {
                var response = await client.GetAsync(url);

                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{RoleOf(email)} opens the {Describe(url)}");
                var html = await response.Content.ReadAsStringAsync();
                html.Contains("marigolds", StringComparison.Ordinal).ShouldBeTrue($"{RoleOf(email)} sees the conversation's words on the {Describe(url)}");
            }
        }
    }

    [SkippableFact]
    public async Task Should_write_exactly_one_view_audit_row_each_time_a_conversation_page_is_opened()
    {
        var conversationId = await ConversationWithWordsAsync();
        var client = await Factory.SignedInAsync(TeamLeader);

        foreach (var url in new[] { EditUrl(conversationId), ViewUrl(conversationId), SectionUrl(conversationId, "strengths"), EditUrl(conversationId), ViewUrl(conversationId) })
        {
            var before = await Factory.ViewAuditRowsAsync(conversationId);

            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

            (await Factory.ViewAuditRowsAsync(conversationId)).ShouldBe(before + 1, $"one View audit row per GET of the {Describe(url)}");
        }
    }

    private async Task ShouldBeDeniedAsync(string email)
    {
        var conversationId = await ConversationWithWordsAsync();
        var client = await Factory.SignedInAsync(email);
        var auditedBefore = await Factory.ViewAuditRowsAsync(conversationId);

        foreach (var url in new[] { EditUrl(conversationId), SectionUrl(conversationId, "what-matters"), ViewUrl(conversationId) })
        {
            var response = await client.GetAsync(url);

            // The product may answer 403 directly or through its access-denied page; either way, no conversation.
            if (response.IsRedirect())
            {
                response.PathOf().ToLowerInvariant().ShouldBe(AccessDeniedPath, $"{RoleOf(email)} is sent to access denied from the {Describe(url)}");
                var deniedBody = await response.Content.ReadAsStringAsync();
                ShouldHoldNoneOfTheWords(deniedBody, email, url);
                response = await client.GetAsync(response.Headers.Location!.ToString());
            }
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{RoleOf(email)} may not open the {Describe(url)}");
            ShouldHoldNoneOfTheWords(await response.Content.ReadAsStringAsync(), email, url);
        }

        (await Factory.ViewAuditRowsAsync(conversationId)).ShouldBe(auditedBefore, "a refused request never reads the conversation, so it is not audited as a view");
    }

    private static void ShouldHoldNoneOfTheWords(string body, string email, string url)
    {
        // Reports only which word leaked, never the page, so no one's words reach the test output.
        var leaked = ConversationWords.Where(w => body.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
        leaked.ShouldBeEmpty($"{RoleOf(email)} must see none of the conversation's words on the {Describe(url)}");
    }

    /// <summary>A conversation for a fresh referral, with invented words saved by a practitioner.</summary>
    private async Task<Guid> ConversationWithWordsAsync()
    {
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var (_, conversationId) = await Factory.NewConversationAsync(practitioner);
        await practitioner.SaveDraftAsync(conversationId, new Dictionary<string, string>
        {
            [WhatMattersField] = "Growing marigolds on the allotment",
            ["Form.Resources"] = "Saturday choir",
            ["Form.Goals[0].Text"] = "Sleep through the night",
        });
        return conversationId;
    }

    private static string RoleOf(string email) => email.Split('@')[0];

    private static string Describe(string url) =>
        url.EndsWith("/edit", StringComparison.Ordinal) ? "task list" : url.Contains("/edit/", StringComparison.Ordinal) ? "section page" : url.Contains("/versions/", StringComparison.Ordinal) ? "version page" : "view page";

    public void Dispose() => _factory?.Dispose();
}
