using System.Collections.Concurrent;
using System.Data.Common;
using Hub.Application.Directory.CommunityConnectors;
using Hub.Infrastructure.Persistence.Providers;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Security;

/// <summary>
/// The staff menu decides whether to show "Connect and Do proposals" without a database read on every
/// page (docs/decisions/049): the connector's answer is read once and remembered; saving their profile
/// makes the next page read it again, and the menu follows the change. The moderation pages themselves
/// still read the profile on every request, so a change counts there at once.
/// </summary>
public sealed class ModerationMenuCommandTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string Connector = "connector@demo.livingwell.test";
    private const string ProposalsLink = "nav[aria-label='Staff menu'] a[href='/staff/connect/proposals']";
    private readonly TaggedCommands _commands = new();
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString)
    {
        ConfigureTestServices = s => s.ConfigureDbContext<PostgresHubDbContext>(o => o.AddInterceptors(_commands)),
    };

    [SkippableFact]
    public async Task Should_read_whether_a_practitioner_is_a_connector_once_for_the_menu_and_again_only_after_their_profile_is_saved()
    {
        var connector = await Factory.SignedInAsync(Connector);
        (await connector.GetDocumentAsync("/staff/offers")).QuerySelector(ProposalsLink).ShouldNotBeNull("a community connector sees the moderation queue in the menu");

        _commands.Reset();
        foreach (var page in new[] { "/staff/offers", "/staff/triage", "/staff/handoffs" })
        {
            (await connector.GetDocumentAsync(page)).QuerySelector(ProposalsLink).ShouldNotBeNull(page);
        }
        _commands.Count(CommunityConnectors.MenuTag).ShouldBe(0, "three pages, nothing changed: the menu asks the database nothing");
        _commands.Count(CommunityConnectors.PolicyTag).ShouldBe(0, "and no page outside moderation asks the policy");

        (await connector.GetAsync("/staff/connect/proposals")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        _commands.Count(CommunityConnectors.PolicyTag).ShouldBe(1, "the moderation page itself always reads the profile");

        // An administrator changes what the connector does: the menu reads it again, once.
        var memberId = await Factory.WithDbAsync(async db => await db.Users.Where(u => u.Email == Connector).Select(u => u.Id).SingleAsync());
        var admin = await Factory.SignedInAsync(Admin);
        var profile = await admin.GetDocumentAsync($"/staff/directory/members/{memberId}");
        (await admin.SubmitAsync(profile, $"form[action='/staff/directory/members/{memberId}']", [new("Input.Group", "MentalHealthPractitioner")]))
            .IsRedirect().ShouldBeTrue("the profile is saved");

        _commands.Reset();
        (await connector.GetDocumentAsync("/staff/offers")).QuerySelector(ProposalsLink).ShouldBeNull("no longer a connector: the link goes at once");
        (await connector.GetDocumentAsync("/staff/triage")).QuerySelector(ProposalsLink).ShouldBeNull();
        _commands.Count(CommunityConnectors.MenuTag).ShouldBe(1, "read again once after the change, then remembered");
        (await connector.GetAsync("/staff/connect/proposals")).StatusCode.ShouldNotBe(System.Net.HttpStatusCode.OK, "and the queue refuses them");
    }

    public void Dispose() => _factory?.Dispose();

    /// <summary>Counts the SQL commands that carry a tag (EF writes TagWith as a comment at the top of the command).</summary>
    private sealed class TaggedCommands : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public void Reset() => _texts.Clear();

        public int Count(string tag) => _texts.Count(t => t.Contains(tag, StringComparison.Ordinal));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
