using Hub.Application.Common.Interfaces;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.IntegrationTests.Reliability;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.IntegrationTests.Email;

/// <summary>The outbox sends each email exactly once through a real SMTP server, also through failures.</summary>
public sealed class EmailOutboxTests(DatabaseFixture database, SmtpServer smtp) : IClassFixture<DatabaseFixture>, IClassFixture<SmtpServer>
{
    private const string Inbox = "triage-team@hub.test";

    /// <summary>A host on an emptied database (Respawn): earlier tests' messages are gone, so the outbox starts empty.</summary>
    private ApplicationHost Host(int smtpPort, Action<IServiceCollection>? configure = null, TestClock? clock = null, IInterceptor[]? interceptors = null)
    {
        database.ResetAsync().GetAwaiter().GetResult();
        return NewHost(smtpPort, configure, clock, interceptors);
    }

    private ApplicationHost NewHost(int smtpPort, Action<IServiceCollection>? configure, TestClock? clock = null, IInterceptor[]? interceptors = null) => new(database.ConnectionString,
        clock, interceptors, settings: new Dictionary<string, string?>
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

    [SkippableFact]
    public async Task Should_deliver_once_and_count_every_attempt_when_the_relay_is_down_twice_and_then_back()
    {
        smtp.Require();
        var clock = new TestClock();
        await using var down = Host(ClosedPort(), clock: clock);
        var reference = (await down.SendAsPublic(Referral("Relay down"))).Reference;

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            (await Dispatch(down)).ShouldBe(0, $"attempt {attempt}: nothing listens on the relay's port");
            var waiting = await Stored(down, reference);
            (waiting.Attempts, waiting.SentAt, waiting.ClaimedUntil).ShouldBe((attempt, null, null));
            waiting.LastError.ShouldBe("SocketException ConnectionRefused");
            clock.Advance(OutboxDispatcher.Backoff(attempt) + TimeSpan.FromSeconds(1));
        }
        await using var up = NewHost(smtp.Port, null, clock);
        (await Dispatch(up)).ShouldBe(1);
        (await Dispatch(up)).ShouldBe(0, "marked sent once, so never sent again");

        ReceivedFor([reference]).Count.ShouldBe(1);
        var sent = await Stored(up, reference);
        (sent.Attempts, sent.SentAt, sent.ClaimedUntil).ShouldBe((3, (DateTimeOffset?)clock.GetUtcNow(), null), "two failures and the send, each counted once");
    }

    /// <summary>
    /// The worker stops after the relay accepted a message but before marking it sent. Delivery is at
    /// least once, not exactly once: the claim lapses and the message is sent again, with the same
    /// Message-ID so the receiving system can tell the copy; then it is marked sent and goes no more.
    /// </summary>
    [SkippableFact]
    public async Task Should_send_again_with_the_same_message_id_when_the_worker_stopped_before_marking_it_sent()
    {
        smtp.Require();
        var stopsOnce = new StopsAfterSending();
        await using var host = Host(smtp.Port, services => services.Replace(ServiceDescriptor.Singleton<ISmtpSender>(sp =>
        {
            stopsOnce.Inner = ActivatorUtilities.CreateInstance(sp, typeof(ISmtpSender).Assembly.GetType("Hub.Infrastructure.Email.SmtpSender")!) as ISmtpSender;
            return stopsOnce;
        })));
        var reference = (await host.SendAsPublic(Referral("Worker stops"))).Reference;

        // The worker is stopped (its token cancelled) right after the relay accepted the message.
        await Should.ThrowAsync<OperationCanceledException>(() => host.WithService<OutboxDispatcher, int>(d => d.DispatchAsync("worker-that-stops", 50, stopsOnce.Stop.Token)));
        var left = await Stored(host, reference);
        (left.SentAt, left.ClaimedBy, left.Attempts).ShouldBe((null, "worker-that-stops", 0));
        (await Dispatch(host)).ShouldBe(0, "the claim holds until it lapses");
        host.Clock.Advance(OutboxDispatcher.ClaimFor + TimeSpan.FromSeconds(1));
        (await Dispatch(host)).ShouldBe(1);
        (await Dispatch(host)).ShouldBe(0);

        var received = ReceivedFor([reference]);
        received.Count.ShouldBe(2, "at least once: the copy sent before the stop, and the resend");
        received.Select(m => SmtpServer.Header(m, "Message-ID")).Distinct().ShouldBe([$"<{left.Id:N}@livingwellhub.invalid>"]);
        var sent = await Stored(host, reference);
        (sent.SentAt, sent.Attempts).ShouldBe(((DateTimeOffset?)host.Clock.GetUtcNow(), 1));
    }

    [SkippableFact]
    public async Task Should_send_once_when_marking_a_message_sent_meets_a_transient_database_fault()
    {
        smtp.Require();
        var faults = new FailOnCommand();
        await using var host = Host(smtp.Port, interceptors: [faults]);
        var reference = (await host.SendAsPublic(Referral("Fault when marking sent"))).Reference;
        faults.FailWhen(c => c.CommandText.Contains("SET \"SentAt\"", StringComparison.Ordinal),
            _ => new Npgsql.PostgresException("Injected fault", "FATAL", "FATAL", Npgsql.PostgresErrorCodes.AdminShutdown));

        (await Dispatch(host)).ShouldBe(1);

        faults.Faults.ShouldBe(1, "the update was retried, not the send");
        ReceivedFor([reference]).Count.ShouldBe(1);
        (await Stored(host, reference)).SentAt.ShouldNotBeNull();
    }

    private static Task<OutboxMessage> Stored(ApplicationHost host, string reference) =>
        host.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Subject.Contains(reference)));

    /// <summary>A loopback port nobody listens on: the relay is down.</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends through the real relay, then the first time stops the worker before it can mark the message sent.</summary>
    private sealed class StopsAfterSending : ISmtpSender
    {
        private int _calls;
        public CancellationTokenSource Stop { get; } = new();
        public ISmtpSender? Inner { get; set; }
        public bool IsConfigured => true;

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await Inner!.SendAsync(message, cancellationToken);
            if (Interlocked.Increment(ref _calls) == 1)
            {
                await Stop.CancelAsync(); // injected: the worker is stopped
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Wraps the real sender and throws on one chosen call, as a flaky SMTP relay would.</summary>
    private sealed class FailingSender(int failOnCall) : ISmtpSender
    {
        private int _calls;
        public ISmtpSender? Inner { get; set; }
        public bool IsConfigured => true;

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == failOnCall
                ? throw new MailKit.Net.Smtp.SmtpCommandException(MailKit.Net.Smtp.SmtpErrorCode.MessageNotAccepted, MailKit.Net.Smtp.SmtpStatusCode.ServiceNotAvailable, "Injected failure")
                : Inner!.SendAsync(message, cancellationToken);
    }
}
