using Hub.Application.CareTeams.AnswerHandoff;
using Hub.Application.Common;
using Hub.Domain.CareTeams;
using Hub.Infrastructure.Email;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>Care-team emails go through the outbox and reach a real SMTP server exactly once, also when a send fails midway.</summary>
public sealed class CareTeamEmailDeliveryTests(DatabaseFixture database, SmtpServer smtp) : IClassFixture<DatabaseFixture>, IClassFixture<SmtpServer>
{
    private static readonly string[] CareTeamPurposes = ["handoff-offered", "handoff-declined"];

    private static Task<int> Dispatch(ApplicationHost host) =>
        host.WithService<OutboxDispatcher, int>(d => d.DispatchAsync("care-team-test", 50, CancellationToken.None));

    [SkippableFact]
    public async Task Should_deliver_each_handoff_email_exactly_once_when_a_send_fails_midway_and_is_retried()
    {
        smtp.Require();
        var failSecond = new FailingSender(failOnCall: 2);
        await using var host = new ApplicationHost(database.ConnectionString,
            settings: new Dictionary<string, string?>
            {
                ["Hub:Smtp:Host"] = "127.0.0.1",
                ["Hub:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Hub:PublicBaseUrl"] = BaseUrl,
            },
            configure: services => services.Replace(ServiceDescriptor.Singleton<ISmtpSender>(sp =>
            {
                failSecond.Inner = ActivatorUtilities.CreateInstance(sp, typeof(ISmtpSender).Assembly.GetType("Hub.Infrastructure.Email.SmtpSender")!) as ISmtpSender;
                return failSecond;
            })));
        var team = await Team(host);
        var a = await Member(host, team, "Member A");
        var receivers = new[] { await Member(host, team, "Member B"), await Member(host, team, "Member C"), await Member(host, team, "Member D") };
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        var referral = await TriagedReferral(host);
        var handoffs = new List<Handoff>();
        foreach (var receiver in receivers)
        {
            handoffs.Add(await Offer(host, a, referral.Id, receiver, receiver == receivers[0] ? CareTeamRole.Lead : CareTeamRole.Involved));
        }
        (await host.SendAsPractitioner(new AnswerHandoff(handoffs[2].Id, false, "Invented reason."), receivers[2].Id)).ShouldBe(AnswerHandoffResult.Declined);
        var queued = await host.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => CareTeamPurposes.Contains(m.Purpose)).ToListAsync());
        queued.Select(m => (m.To, m.Purpose)).ShouldBe(
        [
            (receivers[0].Email, "handoff-offered"), (receivers[1].Email, "handoff-offered"), (receivers[2].Email, "handoff-offered"),
            (a.Email, "handoff-declined"), (leader.Email, "handoff-declined"),
        ], ignoreOrder: true);

        var firstRound = await Dispatch(host);

        firstRound.ShouldBe(4);
        var failed = (await host.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null).ToListAsync())).ShouldHaveSingleItem();
        (failed.Attempts, failed.LastError).ShouldBe((1, "SmtpCommandException ServiceNotAvailable"));
        (await Dispatch(host)).ShouldBe(0, "not due again yet");
        host.Clock.Advance(OutboxDispatcher.Backoff(1) + TimeSpan.FromSeconds(1));
        (await Dispatch(host)).ShouldBe(1);
        (await Dispatch(host)).ShouldBe(0);

        var expectedIds = queued.Select(m => $"<{m.Id:N}@livingwellhub.invalid>").ToList();
        var received = smtp.Messages().Select(m => (Id: SmtpServer.Header(m, "Message-ID"), To: SmtpServer.Header(m, "To"))).ToList();
        received.Select(m => m.Id).ShouldBe(expectedIds, ignoreOrder: true, customMessage: "each email once, none twice, none lost");
        received.Select(m => m.To).ShouldBe(queued.Select(m => m.To), ignoreOrder: true);
        (await host.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null).CountAsync())).ShouldBe(0);
        (await host.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failed.Id))).Attempts.ShouldBe(2);
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
