using Hub.Application.Common;
using Hub.Application.Common.Messaging;
using Hub.Application.Referrals;
using Hub.Application.SupportPlans.Link.ExchangePlanLink;
using Hub.Application.SupportPlans.Link.SendPlanLink;
using Hub.Domain.People;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Jobs;
using Hub.IntegrationTests.Jobs;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static Hub.IntegrationTests.Messaging.MessagingWorld;

namespace Hub.IntegrationTests.Messaging;

/// <summary>
/// What leaves a person's record when the hub messages them: across a referral, a plan link by text
/// and a plan link by email, sent by Hangfire's real worker on PostgreSQL, no name, number, address,
/// token or link reaches a log line (at any level) or the job storage, and a text carries only the
/// fields its template shows. Email through Notify instead of SMTP, chosen by configuration.
/// </summary>
[Collection(JobServers.Name)]
public sealed class NoPersonalDataTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();

    private static readonly SelfReferralAnswers ByText = new()
    {
        PreferredName = "Priya Quillbrook-Invented",
        ContactMethod = ContactMethod.Text,
        Phone = "07700 900 321",
        SafeToLeaveMessage = "yes",
        WhatIsHappening = "Invented words about sleepless weeks by the canal.",
    };

    private static readonly SelfReferralAnswers ByEmail = new()
    {
        PreferredName = "Morwenna Tallowfield-Invented",
        ContactMethod = ContactMethod.Email,
        Email = "morwenna.tallowfield.322@example.org",
        WhatIsHappening = "Invented words about a lost allotment.",
    };

    [SkippableFact]
    public async Task Should_keep_names_numbers_addresses_tokens_and_links_out_of_logs_and_job_storage_and_texts_to_their_template()
    {
        var logs = new CapturingLoggerProvider();
        var (host, mail) = await HostAsync(database, _notify, configure: s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        await using var _h = host;
        var texted = await WithPlan(host, ByText);
        var emailed = await WithPlan(host, ByEmail);
        (await host.SendAsPractitioner(new SendPlanLink(texted.Id))).ShouldBe(MessageChannel.Text);
        (await host.SendAsPractitioner(new SendPlanLink(emailed.Id))).ShouldBe(MessageChannel.Email);

        // The outbox is drained by Hangfire's own worker, its job stored in the hub's database.
        using (var worker = JobHosts.Instance(database.ConnectionString, smtpPort: null, host.Clock, s =>
        {
            s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            s.Replace(ServiceDescriptor.Singleton<ISmtpSender>(mail));
            s.Replace(ServiceDescriptor.Singleton(new HubAddress(CareTeams.CareTeamWorld.BaseUrl)));
            s.Configure<NotifySettings>(n =>
            {
                n.ApiKey = NotifyStandIn.ApiKey;
                n.BaseUrl = _notify.BaseUrl;
                foreach (var (key, template) in NotifyStandIn.Templates)
                {
                    n.Templates[key] = template.Id;
                }
            });
        }))
        {
            await worker.StartWithoutRecurringJobsAsync();
            (await worker.Succeeded(worker.EnqueueOutboxRun())).ShouldBeTrue("the outbox job ran");
            await worker.StopAsync();
        }

        _notify.Refusals.ShouldBeEmpty();
        var texts = _notify.Texts.ToList();
        var link = texts.Single(t => t.TemplateId == NotifyStandIn.Templates["plan-link"].Id);
        link.Personalisation.Keys.Order().ShouldBe(["first_name", "link"]);
        link.Personalisation["first_name"].ShouldBe("Priya", "the first name only");
        var confirmation = texts.Single(t => t.TemplateId == NotifyStandIn.Templates["referral-confirmation"].Id);
        confirmation.Personalisation.ShouldBe(new Dictionary<string, string> { ["reference"] = texted.Reference });
        var textToken = TokenIn(link.Personalisation["link"]);
        var emailToken = TokenIn(mail.Sent.Single(m => m.To == ByEmail.Email && m.Purpose == "plan-link").Body);

        string[] secrets = ["Priya Quillbrook", "Quillbrook", "Morwenna", "Tallowfield", "07700 900 321", "07700900321", "7700900321", ByEmail.Email!, "tallowfield.322",
            "sleepless weeks", "lost allotment", textToken, emailToken, link.Personalisation["link"], "/my/link/"];

        var entries = logs.Entries.ToList();
        entries.ShouldContain(e => e.Text.Contains("sent", StringComparison.Ordinal) && e.Category.EndsWith(nameof(OutboxDispatcher), StringComparison.Ordinal),
            "the capture sees the dispatcher's own lines, so a leak there would be found");
        entries.Count(e => e.Level <= LogLevel.Debug).ShouldBeGreaterThan(0, "every level is captured");
        foreach (var secret in secrets)
        {
            entries.Where(e => e.Text.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(e => e.Category).ShouldBeEmpty($"no log line holds '{secret}'");
        }

        var jobRows = await host.WithDb(db => db.Database.SqlQueryRaw<string>(
            "SELECT format('%I', table_name) AS \"Value\" FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_type = 'BASE TABLE'").ToListAsync());
        var stored = new List<string>();
        foreach (var table in jobRows)
        {
#pragma warning disable EF1002 // the table names come from the catalogue
            stored.AddRange(await host.WithDb(db => db.Database.SqlQueryRaw<string>($"SELECT row_to_json(t)::text AS \"Value\" FROM hangfire.{table} t").ToListAsync()));
#pragma warning restore EF1002
        }
        stored.ShouldContain(r => r.Contains(nameof(OutboxJob), StringComparison.Ordinal), "the job and its arguments are in the storage read here");
        foreach (var secret in secrets)
        {
            stored.Where(r => r.Contains(secret, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"no job row holds '{secret}'");
        }

        foreach (var text in texts)
        {
            var template = NotifyStandIn.Templates.Single(t => t.Value.Id == text.TemplateId);
            text.Personalisation.Keys.ShouldBeSubsetOf(template.Value.Fields);
            string.Join(" ", text.Personalisation.Values).ShouldNotContain("Quillbrook", Case.Insensitive);
            string.Join(" ", text.Personalisation.Values).ShouldNotContain("900 321");
            text.Reference.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{32}$", "the outbox id, nothing about the person");
        }
    }

    [SkippableFact]
    public async Task Should_send_email_through_notify_when_configured_with_the_link_minted_when_sent_and_nothing_by_smtp()
    {
        var (host, mail) = await HostAsync(database, _notify, settings: [new("Hub:Notify:SendEmail", "true")]);
        await using var _h = host;
        var referral = await WithPlan(host, ByEmail);
        (await host.SendAsPractitioner(new SendPlanLink(referral.Id))).ShouldBe(MessageChannel.Email);

        await Dispatch(host);

        _notify.Refusals.ShouldBeEmpty();
        mail.Sent.ShouldBeEmpty("email goes through Notify instead of the relay");
        var sent = _notify.Emails.Where(e => e.To == ByEmail.Email).ToList();
        sent.ShouldAllBe(e => e.TemplateId == NotifyStandIn.Templates["email"].Id);
        var planLink = sent.Single(e => e.Personalisation["body"].Contains("/my/link/", StringComparison.Ordinal));
        planLink.Personalisation.Keys.Order().ShouldBe(["body", "subject"]);
        var token = TokenIn(planLink.Personalisation["body"]);
        (await EveryRow(host)).Where(r => r.Contains(token, StringComparison.Ordinal)).ShouldBeEmpty("no table holds the token");
        (await host.SendAsPublic(new ExchangePlanLink(token))).Problem.ShouldBeNull("the link that went works");
        var messages = await Messages(host);
        messages.Where(m => m.To == ByEmail.Email).ShouldAllBe(m => m.SentAt != null && m.ProviderId != null && m.Channel == MessageChannel.Email,
            "each marked sent with Notify's id, so its delivery receipt can find it");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
