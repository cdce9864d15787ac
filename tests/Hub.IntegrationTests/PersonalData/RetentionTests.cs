using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.Common;
using Hub.Application.PersonalData.ApplyRetention;
using Hub.Application.PersonalData.RestrictProcessing;
using Hub.Domain.Audit;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.PersonalData;

/// <summary>
/// Retention on a fake clock: twenty years and a day after the 2004 hub's last contact, every record
/// of people whose care has ended is destroyed from every table, records joined to theirs with them;
/// a restricted record is held; people still in care are untouched; and the audit log keeps one row
/// per destroyed record with ids only, its chain unbroken.
/// </summary>
public sealed class RetentionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_destroy_every_row_about_people_past_retention_hold_a_restricted_record_and_leave_people_in_care_alone()
    {
        await using var host = new ApplicationHost(database.ConnectionString, settings: [new("Hub:Retention:BatchSize", "7")]);
        var world = await PersonalDataWorld.Build(host);
        var teamLeader = Guid.NewGuid();

        var restrictedReferral = await host.WithDb(db => db.Referrals
            .Where(r => r.PersonId != world.SubjectId && r.PersonId != world.JoinedId && !db.Spells.Any(s => s.PersonId == r.PersonId && s.EndedAt == null))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.PersonId }).FirstAsync());
        await host.Send(new RestrictProcessing(restrictedReferral.Id, "Contests the triage note"), teamLeader, Roles.TeamLeader);

        var (due, inCare, everyone) = await host.WithDb(async db =>
        {
            var ended = await db.People.Where(p => p.MergedIntoPersonId == null && p.RestrictedAt == null && !db.Spells.Any(s => s.PersonId == p.Id && s.EndedAt == null))
                .Select(p => p.Id).ToListAsync();
            var open = await db.People.Where(p => db.Spells.Any(s => s.PersonId == p.Id && s.EndedAt == null)).Select(p => p.Id).ToListAsync();
            return (ended, open, await db.People.Select(p => p.Id).ToListAsync());
        });
        due.ShouldContain(world.SubjectId);
        inCare.ShouldNotBeEmpty();
        var destroyedPeople = due.Append(world.JoinedId).ToList();
        var keptPeople = everyone.Except(destroyedPeople).ToList();
        keptPeople.ShouldContain(restrictedReferral.PersonId);

        var (subjectIds, destroyedIds, keptIds) = await host.WithDb(async db => (
            await PersonalDataWorld.IdsOf(db, [world.SubjectId, world.JoinedId]),
            await PersonalDataWorld.IdsOf(db, destroyedPeople),
            await PersonalDataWorld.IdsOf(db, keptPeople)));
        var subjectBefore = await host.WithDb(db => PersonalDataWorld.RowsTiedTo(db, subjectIds));
        var keptBefore = await host.WithDb(db => PersonalDataWorld.RowsTiedTo(db, keptIds));
        subjectBefore.Count.ShouldBeGreaterThanOrEqualTo(20, "every table that holds anything about a person");
        subjectBefore.Where(t => t.Value == 0).Select(t => t.Key).ShouldBeEmpty("the subject has a row in every such table, so each is proven destroyed");

        // Twenty years and a day after the last contact.
        host.Clock.Set(PersonalDataWorld.SeededAt.AddYears(20).AddDays(1));
        await using (var longer = new ApplicationHost(database.ConnectionString, host.Clock, settings: [new("Hub:Retention:YearsAfterLastContact", "25")]))
        {
            (await longer.Send(new ApplyRetention(), null, ApplyRetentionHandler.ActorRole)).Destroyed.ShouldBe(0, "a longer period, set in configuration, keeps everyone");
        }
        var result = await host.Send(new ApplyRetention(), null, ApplyRetentionHandler.ActorRole);

        result.Destroyed.ShouldBe(due.Count);
        result.HeldByRestriction.ShouldBe(1);
        (await host.WithDb(db => PersonalDataWorld.RowsTiedTo(db, destroyedIds))).Where(t => t.Value != 0).ShouldBeEmpty("nothing about a destroyed record is left");
        (await host.WithDb(db => PersonalDataWorld.RowsTiedTo(db, keptIds))).ShouldBe(keptBefore, "people in care and the restricted record keep every row");
        (await host.WithDb(db => db.OutboxMessages.CountAsync(m => m.To.ToLower() == world.SubjectEmail.ToLower()))).ShouldBe(0);

        var destroyedRows = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == AuditAction.Destroyed).ToListAsync());
        destroyedRows.Select(a => a.PersonId!.Value).ShouldBe(destroyedPeople, ignoreOrder: true);
        destroyedRows.ShouldAllBe(a => a.ActorUserId == null && a.ActorRole == ApplyRetentionHandler.ActorRole && a.Screen == ApplyRetentionHandler.Screen);
        (await host.SendAsPractitioner(new VerifyAuditChain())).Intact.ShouldBeTrue();

        var again = await host.Send(new ApplyRetention(), null, ApplyRetentionHandler.ActorRole);
        again.Destroyed.ShouldBe(0, "a second run, or a second instance, finds nothing left to do");

        // Lifting the restriction lets the next run destroy that record too.
        await host.Send(new LiftRestriction(restrictedReferral.Id), teamLeader, Roles.TeamLeader);
        (await host.Send(new ApplyRetention(), null, ApplyRetentionHandler.ActorRole)).Destroyed.ShouldBe(1);
    }
}
