using System.Text.RegularExpressions;
using Hub.Application.Referrals;
using Hub.Application.SupportPlans.Staff.StartSupportPlan;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Infrastructure.Email;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.Messaging;

/// <summary>A hub whose texts go to the Notify stand-in and whose emails are captured, on an emptied PostgreSQL database.</summary>
public static partial class MessagingWorld
{
    public static async Task<(ApplicationHost Host, CapturingSmtpSender Mail)> HostAsync(DatabaseFixture database, NotifyStandIn notify, int maxAttempts = 8,
        IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? configure = null)
    {
        await database.ResetAsync();
        var mail = new CapturingSmtpSender();
        var values = new Dictionary<string, string?>(notify.Settings())
        {
            ["Hub:PublicBaseUrl"] = BaseUrl,
            ["Hub:Outbox:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }
        var host = new ApplicationHost(database.ConnectionString, settings: values, configure: s =>
        {
            s.Replace(ServiceDescriptor.Singleton<ISmtpSender>(mail));
            configure?.Invoke(s);
        });
        return (host, mail);
    }

    /// <summary>Someone who gave a mobile number only and chose texts; safe says whether they said messages are safe.</summary>
    public static SelfReferralAnswers TextsOnly(string mobile, string safe = "yes") => new()
    {
        PreferredName = "Sam Invented",
        ContactMethod = ContactMethod.Text,
        Phone = mobile,
        SafeToLeaveMessage = safe,
        WhatIsHappening = "Invented words about a hard few months.",
    };

    public static async Task<Referral> WithPlan(ApplicationHost host, SelfReferralAnswers answers)
    {
        var referral = await TriagedReferral(host, answers);
        await host.SendAsPractitioner(new StartSupportPlan(referral.Id));
        return referral;
    }

    public static Task<int> Dispatch(ApplicationHost host) =>
        host.WithService<OutboxDispatcher, int>(d => d.DispatchAsync("test-instance", 50, CancellationToken.None));

    public static Task<List<OutboxMessage>> Messages(ApplicationHost host) =>
        host.WithDb(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    public static string TokenIn(string text) => LinkPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no link in the message");

    [GeneratedRegex(@"/my/link/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    /// <summary>Every row of every table in the hub's schema as JSON text (Hangfire's tables included when present).</summary>
    public static Task<List<string>> EveryRow(ApplicationHost host) => host.WithDb(async db =>
    {
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT format('%I.%I', table_schema, table_name) AS \"Value\" FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')").ToListAsync();
        var rows = new List<string>();
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // the table names come from the catalogue, not from input
            rows.AddRange(await db.Database.SqlQueryRaw<string>($"SELECT row_to_json(t)::text AS \"Value\" FROM {table} t").ToListAsync());
#pragma warning restore EF1002
        }
        return rows;
    });
}
