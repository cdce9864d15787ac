using System.Text.Json;
using Hub.Application.Common;
using Hub.Application.PersonalData.ExportPersonalData;
using Hub.Application.Space;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Space;
using Hub.Domain.Volunteering;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.PersonalData;

/// <summary>
/// The subject access export on PostgreSQL finds the person's Connect and Do records by the contact
/// details the hub holds for them (docs/decisions/042): their come-along requests by email and by
/// mobile, with the outings and what they said; their space with its goals, ratings, mood check-ins
/// and follows; and, as a volunteer with the same email, their registration, check dates and the
/// outings they recorded, without the other person's name or words. Nobody else's records appear.
/// </summary>
public sealed class CommunitySubjectAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Guid TeamLeader = Guid.Parse("5a1f0c00-0000-4000-8000-00000000c501");
    private static readonly Guid Coordinator = Guid.Parse("5a1f0c00-0000-4000-8000-00000000c502");

    [SkippableFact]
    public async Task Should_export_the_persons_requests_outings_space_and_volunteering_found_by_their_contact_details_and_nobody_elses()
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString);
        var now = host.Clock.GetUtcNow();
        var today = UkCalendar.DayOf(now);
        var referral = await CareTeams.CareTeamWorld.TriagedReferral(host, new Hub.Application.Referrals.SelfReferralAnswers
        {
            PreferredName = "Rowan Invented",
            ContactMethod = Hub.Domain.People.ContactMethod.Email,
            Email = "Rowan.Export.501@example.org",
            Phone = "07700 900 501",
            WhatIsHappening = "Invented words about a hard winter.",
        });
        var offer = await host.WithDb(async db =>
        {
            var o = db.CommunityOffers.Add(new CommunityOffer("Invented Riverside Choir", "Test organiser", now, "The borough")).Entity;
            await db.SaveChangesAsync();
            return o.Id;
        });
        async Task<Guid> Ask(string firstName, string reachBy, string address)
        {
            var token = Guid.NewGuid();
            await host.SendAsPublic(new AskForSupporter(offer, new ComeAlongAnswers
            {
                FirstName = firstName, WhatToTry = $"Invented: {firstName} would like to sing", WhenSuits = "Evenings", ReachBy = reachBy,
                Email = reachBy == "email" ? address : null, Mobile = reachBy == "text" ? address : null, MessagesSafe = "yes",
            }, token));
            return await host.WithDb(db => db.SupportRequests.Where(r => r.FormToken == token).Select(r => r.Id).SingleAsync());
        }
        var byEmail = await Ask("Rowan", "email", "rowan.export.501@EXAMPLE.org");
        var byText = await Ask("Ro", "text", "07700900501");
        var stranger = await Ask("Quentin", "email", "quentin.stranger.502@example.org");

        // Rowan also volunteers with the same address, and went along with the stranger.
        await host.WithDb(async db =>
        {
            var volunteer = Volunteer.Register("Rowan", "Invented", "ROWAN.export.501@example.org", null, "Weekends", "Invented: I like choirs", null, Guid.NewGuid(), now);
            volunteer.RecordChecks(new VolunteerChecks(DbsCheckType.Enhanced, today.AddDays(-30), today.AddDays(-20), today.AddDays(-10), today.AddDays(300)), Coordinator, now);
            volunteer.Approve(today, now);
            db.Volunteers.Add(volunteer);
            var other = db.Volunteers.Add(Volunteer.Register("Nia", "Invented", "nia.503@example.org", null, "Evenings", null, null, Guid.NewGuid(), now)).Entity;
            other.RecordChecks(volunteer.Checks, Coordinator, now);
            other.Approve(today, now);
            await db.SaveChangesAsync();
            var requests = await db.SupportRequests.Include(r => r.Matches).Include(r => r.Outings).Where(r => r.Id == byEmail || r.Id == stranger).ToDictionaryAsync(r => r.Id);
            requests[byEmail].Match(other, today, Coordinator, now);
            requests[byEmail].RecordOuting(other.Id, today, true, "Invented: we sang together", today, now).PersonSays(HowItWent.Good, "Invented: Rowan loved it", now);
            requests[stranger].Match(volunteer, today, Coordinator, now);
            requests[stranger].RecordOuting(volunteer.Id, today, true, "Invented: a first visit", today, now).PersonSays(HowItWent.NotGood, "Invented: Quentin's own words", now);
            return await db.SaveChangesAsync();
        });

        // Rowan's space, signed in with their mobile; and a stranger's.
        var key = await host.WithService<AuditKey, AuditKey>(k => Task.FromResult(k));
        await host.WithDb(async db =>
        {
            SpaceMember Space(string address, string goal)
            {
                var member = db.SpaceMembers.Add(new SpaceMember(SpaceAddresses.KeyOf(key, SpaceAddresses.Normalise(address)), now)).Entity;
                var g = db.SpaceGoals.Add(new SpaceGoal(member.Id, goal, now)).Entity;
                db.SpaceGoalRatings.Add(g.Rate(4, now));
                db.SpaceGoalRatings.Add(g.Rate(7, now.AddDays(1)));
                db.SpaceMoodCheckIns.Add(new SpaceMoodCheckIn(member.Id, 4, $"Invented: {goal} mood", now));
                db.SpaceFollows.Add(new SpaceFollow(member.Id, offer, now));
                return member;
            }
            Space("07700 900 501", "Invented: sing in public");
            Space("quentin.stranger.502@example.org", "Invented: Quentin's goal");
            return await db.SaveChangesAsync();
        });

        var export = await host.Send(new ExportPersonalData(referral.Id), TeamLeader, Roles.TeamLeader);

        int Count(string section) => export.Sections.Single(s => s.Key == section).Records.Count;
        (Count("comeAlongRequests"), Count("comeAlongOutings"), Count("space"), Count("spaceGoals"), Count("spaceGoalRatings"), Count("spaceMoodCheckIns"), Count("spaceFollows"), Count("volunteer"), Count("volunteerOutings"))
            .ShouldBe((2, 1, 1, 1, 2, 1, 1, 1, 1));
        var requests = export.Sections.Single(s => s.Key == "comeAlongRequests").Records;
        requests.Select(r => r["id"]!.GetValue<string>()).ShouldBe([byEmail.ToString(), byText.ToString()], ignoreOrder: true, "by their email, whatever its case, and by their mobile, however it was typed");
        requests.Single(r => r["id"]!.GetValue<string>() == byEmail.ToString())["matches"]!.AsArray().Single()!["volunteerFirstName"]!.GetValue<string>().ShouldBe("Nia");
        var outing = export.Sections.Single(s => s.Key == "comeAlongOutings").Records.Single();
        (outing["volunteerNote"]!.GetValue<string>(), outing["youSaid"]!.GetValue<string>(), outing["yourWords"]!.GetValue<string>())
            .ShouldBe(("Invented: we sang together", "Good", "Invented: Rowan loved it"));
        export.Sections.Single(s => s.Key == "spaceFollows").Records.Single()["group"]!.GetValue<string>().ShouldBe("Invented Riverside Choir");
        var volunteer = export.Sections.Single(s => s.Key == "volunteer").Records.Single();
        volunteer["checks"]!["dbsCheckedOn"]!.GetValue<string>().ShouldBe(today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var recorded = export.Sections.Single(s => s.Key == "volunteerOutings").Records.Single();
        (recorded["note"]!.GetValue<string>(), recorded["group"]!.GetValue<string>()).ShouldBe(("Invented: a first visit", "Invented Riverside Choir"));

        var everything = JsonSerializer.Serialize(export.Sections.Select(s => s.Records));
        foreach (var someoneElses in new[] { "Quentin", "quentin.stranger", "Quentin's goal", "Quentin's own words", "NotGood" })
        {
            everything.ShouldNotContain(someoneElses, Case.Insensitive, $"nothing of another person: {someoneElses}");
        }
        var names = export.Sections.SelectMany(s => s.Records).SelectMany(r => r.Select(p => p.Key)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in new[] { "addressKey", "contactKey", "clientKey", "invitationHash", "invitationId", "formToken" })
        {
            names.ShouldNotContain(secret);
        }
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.PersonId == referral.PersonId && a.Screen == "Data protection: subject access export" && a.ActorUserId == TeamLeader)))
            .ShouldBe(1);
    }
}
