using System.Data.Common;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Triage.GetReferralRecord;
using Hub.Application.Triage.GetTriageQueue;
using Hub.Application.Triage.RecordContact;
using Hub.Domain.Contacts;
using Hub.Domain.People;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.IntegrationTests.Persistence;

/// <summary>Requests cost a fixed number of SQL commands whatever the amount of data (no N+1).</summary>
public sealed class SqlCommandCountTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_read_the_queue_and_a_record_with_the_same_number_of_commands_at_ten_and_at_a_hundred_rows()
    {
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [counter]);

        var small = await Measure(host, counter, referrals: 10, contactsOnRecord: 10);
        var large = await Measure(host, counter, referrals: 100, contactsOnRecord: 100);

        large.Queue.ShouldBe(small.Queue);
        large.Record.ShouldBe(small.Record);
        small.Submit.ShouldBeGreaterThan(0, "the counter sees the pooled context's commands (its interceptor is in the pool's options)");
        small.Submit.ShouldBeLessThanOrEqualTo(3, "a referral send: the possible-match search and one batch (issue 18)");
        large.Submit.ShouldBeLessThanOrEqualTo(3);
    }

    [SkippableFact]
    public async Task Should_read_each_view_of_the_triage_queue_with_the_same_number_of_commands_at_ten_and_at_a_hundred_referrals()
    {
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [counter]);
        var views = new (string Name, GetTriageQueue Request, bool AsTeamLeader)[]
        {
            ("first page", new GetTriageQueue(), false),
            ("filtered page", new GetTriageQueue(Waiting: WaitFilter.FirstContactOverdue, Source: Hub.Domain.Referrals.ReferralSource.Self, PickedUp: PickUpFilter.Nobody, Neighbourhood: "Central", PageSize: 5), false),
            ("picked up by me, newest first", new GetTriageQueue(PickedUp: PickUpFilter.Me, Order: QueueOrder.NewestFirst, PageSize: 5), false),
            ("search by name", new GetTriageQueue(Search: "count", PageSize: 5), false),
            ("search by phone", new GetTriageQueue(Search: "07700 900001"), false),
            ("every status (team leader)", new GetTriageQueue(Status: QueueStatus.All, PageSize: 5), true),
        };

        async Task<int[]> CountAt(int referrals)
        {
            for (var i = 0; i < referrals; i++)
            {
                var sent = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers
                    { PreferredName = $"Count Person {i}", ContactMethod = ContactMethod.Phone, Phone = $"07700 9{i:00000}", SafeToLeaveMessage = "yes" }, Guid.NewGuid()));
                if (i % 3 == 0)
                {
                    var id = await host.WithDb(db => db.Referrals.Where(r => r.Reference == sent.Reference).Select(r => r.Id).SingleAsync());
                    await host.SendAsPractitioner(new Hub.Application.Triage.PickUpReferral.PickUpReferral(id), i % 2 == 0 ? ApplicationHost.PractitionerId : ApplicationHost.OtherPractitionerId);
                }
            }
            host.Clock.Advance(TimeSpan.FromDays(4));
            var counts = new int[views.Length];
            for (var v = 0; v < views.Length; v++)
            {
                counter.Reset();
                var page = views[v].AsTeamLeader
                    ? await host.Send(views[v].Request, ApplicationHost.PractitionerId, Hub.Application.Common.Roles.TeamLeader)
                    : await host.SendAsPractitioner(views[v].Request);
                counts[v] = counter.Count;
            }
            return counts;
        }

        var small = await CountAt(10);
        var large = await CountAt(90); // 100 in all
        for (var v = 0; v < views.Length; v++)
        {
            large[v].ShouldBe(small[v], views[v].Name);
        }
    }

    private static async Task<(int Queue, int Record, int Submit)> Measure(ApplicationHost host, CommandCounter counter, int referrals, int contactsOnRecord)
    {
        var submit = 0;
        for (var i = 0; i < referrals; i++)
        {
            counter.Reset();
            await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers { ContactMethod = ContactMethod.Phone, Phone = $"07700 9{i:00000}", SafeToLeaveMessage = "yes" }, Guid.NewGuid()));
            submit = Math.Max(submit, counter.Count);
        }
        var first = await host.WithDb(db => db.Referrals.AsNoTracking().OrderByDescending(r => r.ReceivedAt).FirstAsync());
        for (var i = 0; i < contactsOnRecord; i++)
        {
            await host.SendAsPractitioner(new RecordContact(first.Id, host.Clock.GetUtcNow(), ContactMedium.Phone, ContactPlace.Remote, true, 30, null));
        }

        counter.Reset();
        await host.SendAsPractitioner(new GetTriageQueue(PageSize: 50));
        var queue = counter.Count;
        counter.Reset();
        await host.SendAsPractitioner(new GetReferralRecord(first.Id));
        return (queue, counter.Count, submit);
    }
}
