using Hub.Application.SupportPlans.Link.ExchangePlanLink;
using Hub.Application.SupportPlans.Link.ProcessPlanLinkRequests;
using Hub.Application.SupportPlans.Link.RequestPlanLink;
using Hub.Application.SupportPlans.Link.SendPlanLink;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using Hub.TestSupport;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.Messaging.MessagingWorld;

namespace Hub.IntegrationTests.Messaging;

/// <summary>Asking for a new link: the same path for every address, limited per address and per client; a new link ends the older ones.</summary>
public sealed class NewLinkTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();

    [SkippableFact]
    public async Task Should_answer_and_queue_alike_for_a_known_and_an_unknown_address_and_answer_only_the_known_one_later()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        await WithPlan(host, CareTeams.CareTeamWorld.Answers(email: "known.501@example.org"));
        var linksBefore = 0;

        var known = await host.SendAsPublic(new RequestPlanLink("Known.501@example.org", "192.0.2.1"));
        var unknown = await host.SendAsPublic(new RequestPlanLink("nobody.502@example.org", "192.0.2.2"));

        (known, unknown).ShouldBe((Unit.Value, Unit.Value));
        var queued = await host.WithDb(db => db.PlanLinkRequests.AsNoTracking().OrderBy(r => r.RequestedAt).ToListAsync());
        queued.Count.ShouldBe(2, "both are queued: the front door does not look the address up");
        queued.ShouldAllBe(r => r.ProcessedAt == null && r.Address != null);
        (await host.WithDb(db => db.PlanAccessLinks.CountAsync())).ShouldBe(linksBefore, "no link is made while the person waits");

        (await host.SendAsPublic(new ProcessPlanLinkRequests())).ShouldBe(2);
        await Dispatch(host);

        var sent = mail.Sent.ShouldHaveSingleItem();
        (sent.To, sent.Purpose).ShouldBe(("known.501@example.org", "plan-link-request"));
        TokenIn(sent.Body).Length.ShouldBeGreaterThanOrEqualTo(43);
        (await host.WithDb(db => db.PlanLinkRequests.AsNoTracking().ToListAsync())).ShouldAllBe(r => r.ProcessedAt != null && r.Address == null,
            "the typed addresses are wiped once looked up");
    }

    [SkippableFact]
    public async Task Should_hold_the_limit_per_address_and_per_client()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;

        for (var i = 0; i < PlanLinkRequest.PerAddress + 3; i++)
        {
            await host.SendAsPublic(new RequestPlanLink("limit.503@example.org", $"192.0.2.{10 + i}"));
        }
        for (var i = 0; i < PlanLinkRequest.PerClient + 3; i++)
        {
            await host.SendAsPublic(new RequestPlanLink($"client.{i}.504@example.org", "198.51.100.7"));
        }

        var rows = await host.WithDb(db => db.PlanLinkRequests.AsNoTracking().ToListAsync());
        rows.Count(r => r.AddressKey == PlanLinkRequest.KeyOf("limit.503@example.org")).ShouldBe(PlanLinkRequest.PerAddress);
        rows.Count(r => r.ClientKey == PlanLinkRequest.KeyOf("198.51.100.7")).ShouldBe(PlanLinkRequest.PerClient);

        host.Clock.Advance(PlanLinkRequest.Window);
        await host.SendAsPublic(new RequestPlanLink("limit.503@example.org", "192.0.2.99"));
        (await host.WithDb(db => db.PlanLinkRequests.CountAsync(r => r.AddressKey == PlanLinkRequest.KeyOf("limit.503@example.org"))))
            .ShouldBe(PlanLinkRequest.PerAddress + 1, "the limit is per hour");
    }

    [SkippableFact]
    public async Task Should_stop_the_older_link_working_once_a_new_one_is_sent_by_text()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;
        var referral = await WithPlan(host, TextsOnly("07700 900 505"));

        await host.SendAsPractitioner(new SendPlanLink(referral.Id));
        await Dispatch(host);
        var older = TokenIn(_notify.Texts.Last().Personalisation["link"]);
        await host.SendAsPublic(new RequestPlanLink("+44 7700 900505", "192.0.2.50"));
        await host.SendAsPublic(new ProcessPlanLinkRequests());
        await Dispatch(host);
        var newer = TokenIn(_notify.Texts.Last().Personalisation["link"]);

        newer.ShouldNotBe(older);
        _notify.Texts.Last().To.ShouldBe("07700 900 505");
        (await host.SendAsPublic(new ExchangePlanLink(older))).Problem.ShouldBe(LinkProblem.Revoked);
        (await host.SendAsPublic(new ExchangePlanLink(newer))).Problem.ShouldBeNull();
    }

    [SkippableFact]
    public async Task Should_audit_guessed_links_once_an_hour_and_count_the_rest()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;

        for (var i = 0; i < 40; i++)
        {
            (await host.SendAsPublic(new ExchangePlanLink($"guess-{i}-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))).Problem.ShouldBe(LinkProblem.Expired);
        }
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.SendAsPublic(new ExchangePlanLink("one-more-guess"));

        var audited = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == AuditAction.Denied && a.RecordType == nameof(PlanAccessLink)).ToListAsync());
        audited.Count.ShouldBe(2, "one row for each hour with guesses, not one per guess");
        audited.ShouldAllBe(a => a.PersonId == null && a.Screen.StartsWith("Person: unknown link refused", StringComparison.Ordinal));
        var tallies = await host.WithDb(db => db.PersonRefusalTallies.AsNoTracking().OrderBy(t => t.Hour).ToListAsync());
        tallies.Select(t => (t.Kind, t.Count)).ShouldBe([("unknown-link", 40), ("unknown-link", 1)]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
