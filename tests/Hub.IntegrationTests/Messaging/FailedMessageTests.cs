using Hub.Application.Common.Messaging;
using Hub.Application.Messaging.GetPersonMessages;
using Hub.Application.SupportPlans.Link.SendPlanLink;
using Hub.Infrastructure.Email;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.Messaging.MessagingWorld;

namespace Hub.IntegrationTests.Messaging;

/// <summary>A message that cannot be sent is marked failed with its reason and shown to staff; it never holds up the messages behind it.</summary>
public sealed class FailedMessageTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();

    [SkippableFact]
    public async Task Should_mark_a_text_notify_refuses_for_good_failed_show_it_to_staff_and_still_send_the_ones_behind_it()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;
        var refused = await WithPlan(host, TextsOnly("07700 900 401"));
        var fine = await WithPlan(host, TextsOnly("07700 900 402"));
        await Dispatch(host);
        _notify.RefuseNumber("07700900401");
        await host.SendAsPractitioner(new SendPlanLink(refused.Id)); // queued first
        await host.SendAsPractitioner(new SendPlanLink(fine.Id));

        await Dispatch(host);

        var links = (await Messages(host)).Where(m => m.Purpose == "plan-link").ToList();
        var failed = links.Single(m => m.PersonId == refused.PersonId);
        (failed.FailedAt is not null, failed.SentAt, failed.Attempts, failed.LastError).ShouldBe((true, (DateTimeOffset?)null, 1, "NotifyClientException 400"),
            "a refusal for good is not retried");
        links.Single(m => m.PersonId == fine.PersonId).SentAt.ShouldNotBeNull("the message behind it still went");
        _notify.Texts.Count(t => t.To == "07700 900 402" && t.Personalisation.ContainsKey("link")).ShouldBe(1);

        var seen = await host.SendAsPractitioner(new GetPersonMessages(refused.Id));
        var shown = seen.Messages.Single(m => m.Purpose == "plan-link");
        (shown.State, shown.StateText).ShouldBe((MessageState.NotSent, "Not sent"));
        shown.Problem.ShouldNotBeNull().ShouldContain("not one it can send to");
        shown.WhatToDo.ShouldNotBeNull().ShouldContain("printed code");
        seen.NeedingAction.ShouldHaveSingleItem();
    }

    [SkippableFact]
    public async Task Should_fail_an_email_to_an_address_that_reads_as_another_mailbox_and_send_the_one_behind_it()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        // Rows written before the rule at entry existed: the sender refuses them rather than guess.
        var now = host.Clock.GetUtcNow().AddSeconds(-1); // all due, in this order
        foreach (var to in new[] { "q\"uote@example.test", "pa(ren@example.test", "x<attacker@evil.example>", "fine@example.test" })
        {
            await host.WithDb(db =>
            {
                db.OutboxMessages.Add(new OutboxMessage { Purpose = "test", To = to, Subject = "Subject", Body = "Body", CreatedAt = now, NextAttemptAt = now });
                now = now.AddMilliseconds(1);
                return db.SaveChangesAsync();
            });
        }

        (await Dispatch(host)).ShouldBe(1);
        await Dispatch(host);

        mail.Sent.ShouldHaveSingleItem().To.ShouldBe("fine@example.test");
        var rows = await Messages(host);
        rows.Where(m => m.To != "fine@example.test").ShouldAllBe(m => m.FailedAt != null && m.LastError == "AddressRefused" && m.Attempts == 1 && m.ClaimedUntil == null);
    }

    [SkippableFact]
    public async Task Should_give_up_after_the_configured_tries_and_say_so()
    {
        var (host, _) = await HostAsync(database, _notify, maxAttempts: 3);
        await using var _h = host;
        var referral = await WithPlan(host, TextsOnly("07700 900 403"));
        await Dispatch(host);
        await host.SendAsPractitioner(new SendPlanLink(referral.Id));
        _notify.FailNext(100);

        for (var run = 0; run < 6; run++)
        {
            await Dispatch(host);
            host.Clock.Advance(TimeSpan.FromHours(1));
        }

        var message = (await Messages(host)).Single(m => m.Purpose == "plan-link");
        (message.Attempts, message.FailedAt is not null, message.LastError).ShouldBe((3, true, "NotifyClientException 500"));
        var shown = (await host.SendAsPractitioner(new GetPersonMessages(referral.Id))).Messages.Single(m => m.Purpose == "plan-link");
        (shown.State, shown.Problem).ShouldBe((MessageState.NotSent, "It could not be sent after several tries"));
    }

    [SkippableFact]
    public async Task Should_refuse_a_request_not_signed_with_the_api_keys_secret_as_notify_would()
    {
        await database.ResetAsync();
        var settings = new Dictionary<string, string?>(_notify.Settings())
        {
            ["Hub:Notify:ApiKey"] = "hub_test-" + NotifyStandIn.ServiceId + "-" + Guid.NewGuid(), // right service, wrong secret
            ["Hub:PublicBaseUrl"] = CareTeams.CareTeamWorld.BaseUrl,
        };
        await using var host = new ApplicationHost(database.ConnectionString, settings: settings);
        await CareTeams.CareTeamWorld.TriagedReferral(host, TextsOnly("07700 900 404"));

        await Dispatch(host);

        _notify.Texts.ShouldBeEmpty();
        _notify.Refusals.ShouldContain(r => r.Contains("signature", StringComparison.Ordinal));
        (await Messages(host)).ShouldHaveSingleItem().LastError.ShouldBe("NotifyClientException 403");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
