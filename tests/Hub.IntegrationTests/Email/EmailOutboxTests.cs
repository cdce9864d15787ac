using Hub.Application.Common.Interfaces;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.IntegrationTests.Email;

/// <summary>The outbox sends each email exactly once through a real SMTP server, also through failures.</summary>
public sealed class EmailOutboxTests(DatabaseFixture database, SmtpServer smtp) : IClassFixture<DatabaseFixture>, IClassFixture<SmtpServer>
{
    private const string Inbox = "triage-team@hub.test";

    /// <summary>A host whose outbox starts empty: earlier tests' messages in this database are set aside.</summary>
    private ApplicationHost Host(int smtpPort, Action<IServiceCollection>? configure = null)
    {
        var host = NewHost(smtpPort, configure);
        host.WithDb(db => db.OutboxMessages.Where(m => m.SentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, DateTimeOffset.UnixEpoch))).GetAwaiter().GetResult();
        return host;
    }

    private ApplicationHost NewHost(int smtpPort, Action<IServiceCollection>? configure) => new(database.ConnectionString,
        settings: new Dictionary<string, string?>
        {
            ["Hub:Smtp:Host"] = "127.0.0.1",
            ["Hub:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:Notifications:TriageInbox"] = Inbox,
            ["Hub:PublicBaseUrl"] = "https://hub.test",
        },
        configure: configure);

    private static SubmitSelfReferral Referral(string words) =>
        new(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, PreferredName = "Quinn", WhatIsHappening = words }, Guid.NewGuid());

    private static Task<int> Dispatch(ApplicationHost host, string instance = "test-instance") =>
        host.WithService<OutboxDispatcher, int>(d => d.DispatchAsync(instance, 50, CancellationToken.None));

    private List<string> ReceivedFor(IEnumerable<string> references) =>
        smtp.Messages().Where(m => references.Any(r => m.Contains(r, StringComparison.Ordinal))).ToList();

    [SkippableFact]
    public async Task Should_tell_the_triage_team_once_without_personal_details_when_a_referral_arrives()
    {
        smtp.Require();
        await using var host = Host(smtp.Port);

        var result = await host.SendAsPublic(Referral("Private words that must stay in the hub"));
        (await Dispatch(host)).ShouldBeGreaterThanOrEqualTo(1);
        await Dispatch(host);

        var received = ReceivedFor([result.Reference]);
        received.Count.ShouldBe(1);
        SmtpServer.Header(received[0], "To").ShouldBe(Inbox);
        var body = SmtpServer.Body(received[0]);
        body.ShouldContain("https://hub.test/staff/triage");
        body.ShouldContain(result.Reference);
        body.ShouldNotContain("Private words");
        body.ShouldNotContain("Quinn");
        var stored = await host.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Subject.Contains(result.Reference)));
        stored.SentAt.ShouldNotBeNull();
        SmtpServer.Header(received[0], "Message-ID").ShouldBe($"<{stored.Id:N}@livingwellhub.invalid>");
    }

    [SkippableFact]
    public async Task Should_store_the_email_with_the_referral_or_not_at_all()
    {
        smtp.Require();
        await using var host = Host(smtp.Port);

        var result = await host.SendAsPublic(Referral("Words"));

        var (referrals, messages) = await host.WithDb(async db => (
            await db.Referrals.CountAsync(r => r.Reference == result.Reference),
            await db.OutboxMessages.CountAsync(m => m.Subject.Contains(result.Reference))));
        referrals.ShouldBe(1);
        messages.ShouldBe(1, "written in the same transaction as the referral");
    }

    [SkippableFact]
    public async Task Should_retry_a_failed_send_later_and_deliver_each_email_exactly_once()
    {
        smtp.Require();
        var failOnce = new FailingSender(failOnCall: 2);
        await using var host = Host(smtp.Port, services => services.Replace(ServiceDescriptor.Singleton<ISmtpSender>(sp =>
        {
            failOnce.Inner = ActivatorUtilities.CreateInstance(sp, typeof(ISmtpSender).Assembly.GetType("Hub.Infrastructure.Email.SmtpSender")!) as ISmtpSender;
            return failOnce;
        })));
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            references.Add((await host.SendAsPublic(Referral($"Retry {i}"))).Reference);
        }

        // The second send fails midway through the batch; the others go.
        var firstRound = await Dispatch(host);
        var failed = await host.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && references.Any(r => m.Subject.Contains(r))).ToListAsync());
        failed.Count.ShouldBe(1);
        failed[0].Attempts.ShouldBe(1);
        failed[0].LastError.ShouldNotBeNull();
        failed[0].NextAttemptAt.ShouldBeGreaterThan(host.Clock.GetUtcNow());
        firstRound.ShouldBe(2);

        (await Dispatch(host)).ShouldBe(0, "not due again yet");
        host.Clock.Advance(OutboxDispatcher.Backoff(1) + TimeSpan.FromSeconds(1));
        (await Dispatch(host)).ShouldBe(1);
        (await Dispatch(host)).ShouldBe(0);

        var received = ReceivedFor(references);
        received.Count.ShouldBe(3);
        received.Select(m => SmtpServer.Header(m, "Message-ID")).Distinct().Count().ShouldBe(3);
    }

    [SkippableFact]
    public async Task Should_send_nothing_twice_when_two_instances_dispatch_at_the_same_time()
    {
        smtp.Require();
        await using var host = Host(smtp.Port);
        var references = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            references.Add((await host.SendAsPublic(Referral($"Race {i}"))).Reference);
        }

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() => Dispatch(host, $"instance-{n}"))));

        sent.Sum().ShouldBe(10);
        ReceivedFor(references).Count.ShouldBe(10);
    }

    [SkippableFact]
    public async Task Should_pick_up_a_message_left_claimed_by_an_instance_that_died()
    {
        smtp.Require();
        await using var host = Host(smtp.Port);
        var reference = (await host.SendAsPublic(Referral("Claimed then abandoned"))).Reference;
        var claimedUntil = host.Clock.GetUtcNow() + OutboxDispatcher.ClaimFor;
        await host.WithDb(db => db.OutboxMessages.Where(m => m.Subject.Contains(reference))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "dead-instance").SetProperty(m => m.ClaimedUntil, claimedUntil)));

        (await Dispatch(host)).ShouldBe(0, "the claim still holds");
        host.Clock.Advance(OutboxDispatcher.ClaimFor + TimeSpan.FromSeconds(1));
        (await Dispatch(host)).ShouldBe(1);

        ReceivedFor([reference]).Count.ShouldBe(1);
    }

    /// <summary>Wraps the real sender and throws on one chosen call, as a flaky SMTP relay would.</summary>
    private sealed class FailingSender(int failOnCall) : ISmtpSender
    {
        private int _calls;
        public ISmtpSender? Inner { get; set; }
        public bool IsConfigured => true;

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == failOnCall
                ? throw new System.Net.Mail.SmtpException(System.Net.Mail.SmtpStatusCode.ServiceNotAvailable, "Injected failure")
                : Inner!.SendAsync(message, cancellationToken);
    }
}
