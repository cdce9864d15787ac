using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.Common;
using Hub.Application.Dashboards.GetDashboard;
using Hub.Application.Figures;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.IntegrationTests.Jobs;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.SqlServer;

/// <summary>
/// The brief's production database, live: migrations, the referral write with its audit and outbox
/// rows, the audit chain, a Hangfire job on SQL Server storage and the figures queries, on SQL Server
/// from Testcontainers.MsSql or <c>HUB_TEST_SQLSERVER</c>. Skipped, with the reason, where neither
/// exists (as here): the only tests allowed to skip under CI.
/// </summary>
[Collection(JobServers.Name)]
public sealed class SqlServerTests(SqlServerFixture sqlServer) : IClassFixture<SqlServerFixture>
{
    private ApplicationHost Host() => new(sqlServer.ConnectionString, settings: new Dictionary<string, string?> { ["Database:Provider"] = "SqlServer" });

    private static SubmitSelfReferral Referral(string words) =>
        new(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, PreferredName = "Sam", WhatIsHappening = words }, Guid.NewGuid());

    [SkippableFact]
    public async Task Should_apply_every_migration_on_sql_server()
    {
        await using var db = sqlServer.NewContext();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Count().ShouldBe(db.Database.GetMigrations().Count());
    }

    [SkippableFact]
    public async Task Should_store_a_self_referral_with_its_audit_row_and_its_email_on_sql_server()
    {
        await using var host = Host();

        var result = await host.SendAsPublic(Referral("On SQL Server"));

        var (referrals, audit, outbox) = await host.WithDb(async db => (
            await db.Referrals.CountAsync(r => r.Reference == result.Reference),
            await db.AuditEvents.CountAsync(),
            await db.OutboxMessages.CountAsync(m => m.Subject.Contains(result.Reference))));
        referrals.ShouldBe(1);
        audit.ShouldBeGreaterThan(0);
        outbox.ShouldBeLessThanOrEqualTo(1, "a triage email only when an inbox is set");
    }

    [SkippableFact]
    public async Task Should_keep_an_audit_chain_that_verifies_on_sql_server()
    {
        await using var host = Host();
        for (var i = 0; i < 3; i++)
        {
            await host.SendAsPublic(Referral($"Chain {i}"));
        }

        var chain = await host.SendAsPractitioner(new VerifyAuditChain());

        chain.Intact.ShouldBeTrue();
        chain.RowsChecked.ShouldBeGreaterThanOrEqualTo(3);
    }

    [SkippableFact]
    public async Task Should_run_a_job_through_hangfire_on_sql_server_storage()
    {
        using var host = JobHosts.Instance(sqlServer.ConnectionString, smtpPort: null, provider: "SqlServer");
        await host.StartWithoutRecurringJobsAsync();

        var job = host.EnqueueOutboxRun();

        (await host.Succeeded(job)).ShouldBeTrue();
        await host.StopAsync();
    }

    [SkippableFact]
    public async Task Should_count_the_dashboard_figures_on_sql_server()
    {
        await using var host = Host();
        await host.SendAsPublic(Referral("Counted"));
        var filter = FigureFilter.LastFourWeeks(DateOnly.FromDateTime(UkTime.ToLocal(host.Clock.GetUtcNow())));

        var dashboard = await host.Send(new GetDashboard(filter), Guid.NewGuid(), Roles.TeamLeader);

        dashboard.Figures.Filter.ShouldBe(filter);
    }
}
