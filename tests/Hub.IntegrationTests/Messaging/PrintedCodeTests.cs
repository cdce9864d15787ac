using Hub.Application.SupportPlans.Link.ExchangePlanCode;
using Hub.Application.SupportPlans.Link.ExchangePlanLink;
using Hub.Application.SupportPlans.Link.PrintPlanCode;
using Hub.Domain.SupportPlans;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.Messaging.MessagingWorld;

namespace Hub.IntegrationTests.Messaging;

/// <summary>The printed code for a person with neither email nor mobile: 130-bit secret, hashed, single use, expiring, locked after wrong tries.</summary>
public sealed class PrintedCodeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();

    private async Task<(ApplicationHost Host, Guid ReferralId, Guid PersonId)> PersonWithoutEmailOrMobile()
    {
        var (host, _) = await HostAsync(database, _notify);
        var referral = await WithPlan(host, CareTeams.CareTeamWorld.Answers()); // they will call us: no contact details
        return (host, referral.Id, referral.PersonId);
    }

    [SkippableFact]
    public async Task Should_work_once_for_the_person_it_was_printed_for_and_keep_only_a_hash()
    {
        var (host, referralId, personId) = await PersonWithoutEmailOrMobile();
        await using var _h = host;

        var printed = await host.SendAsPractitioner(new PrintPlanCode(referralId));

        printed.Code.Replace("-", string.Empty, StringComparison.Ordinal).Length.ShouldBe(PrintedCode.HandleLength + PrintedCode.SecretLength);
        (PrintedCode.SecretLength * 5).ShouldBeGreaterThanOrEqualTo(128, "the secret part alone has at least 128 bits");
        var secret = printed.Code.Replace("-", string.Empty, StringComparison.Ordinal)[PrintedCode.HandleLength..];
        (await EveryRow(host)).Where(r => r.Contains(secret, StringComparison.Ordinal)).ShouldBeEmpty("only the hash is kept");

        var typed = printed.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal); // as a person might type it
        var first = await host.SendAsPublic(new ExchangePlanCode(typed));
        (first.Problem, first.PersonId).ShouldBe((null, (Guid?)personId));
        (await host.SendAsPublic(new ExchangePlanCode(printed.Code))).Problem.ShouldBe(LinkProblem.AlreadyUsed);
        (await host.SendAsPublic(new ExchangePlanLink(secret))).Problem.ShouldBe(LinkProblem.Expired, "a code is not a link");
    }

    [SkippableFact]
    public async Task Should_expire()
    {
        var (host, referralId, _) = await PersonWithoutEmailOrMobile();
        await using var _h = host;
        var printed = await host.SendAsPractitioner(new PrintPlanCode(referralId));

        host.Clock.Advance(PrintedCode.Lifetime);

        (await host.SendAsPublic(new ExchangePlanCode(printed.Code))).Problem.ShouldBe(LinkProblem.Expired);
    }

    [SkippableFact]
    public async Task Should_lock_after_repeated_wrong_tries_even_for_the_right_code_afterwards()
    {
        var (host, referralId, _) = await PersonWithoutEmailOrMobile();
        await using var _h = host;
        var printed = await host.SendAsPractitioner(new PrintPlanCode(referralId));
        var plain = printed.Code.Replace("-", string.Empty, StringComparison.Ordinal);
        var wrong = plain[..^1] + (plain[^1] == '0' ? '1' : '0');

        for (var i = 0; i < PrintedCode.MaxFailedTries; i++)
        {
            (await host.SendAsPublic(new ExchangePlanCode(wrong))).SessionId.ShouldBeNull();
        }

        (await host.SendAsPublic(new ExchangePlanCode(printed.Code))).Problem.ShouldBe(LinkProblem.Revoked, "locked: staff print a new one");
        var code = await host.WithDb(db => db.PlanAccessLinks.AsNoTracking().SingleAsync(l => l.Kind == AccessKind.PrintedCode));
        (code.FailedTries, code.RevokedAt is not null, code.UsedAt).ShouldBe((PrintedCode.MaxFailedTries, true, (DateTimeOffset?)null));
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.Screen == "Person: code locked after repeated wrong tries"))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_end_earlier_links_and_codes_when_a_new_code_is_printed()
    {
        var (host, referralId, _) = await PersonWithoutEmailOrMobile();
        await using var _h = host;
        var first = await host.SendAsPractitioner(new PrintPlanCode(referralId));
        var second = await host.SendAsPractitioner(new PrintPlanCode(referralId));

        (await host.SendAsPublic(new ExchangePlanCode(first.Code))).Problem.ShouldBe(LinkProblem.Revoked);
        (await host.SendAsPublic(new ExchangePlanCode(second.Code))).Problem.ShouldBeNull();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
