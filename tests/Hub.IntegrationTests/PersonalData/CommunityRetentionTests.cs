using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.Figures;
using Hub.Application.PersonalData.ApplyCommunityRetention;
using Hub.Application.Volunteering.Coordination;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Space;
using Hub.Domain.Volunteering;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.PersonalData;

/// <summary>
/// Retention of Connect and Do's community records on PostgreSQL with a fake clock (docs/decisions/042):
/// exactly the closed requests, volunteers and spaces past their periods go, each with one audit row of
/// ids; everything younger, open, or named in a safeguarding concern stays whole; and the volunteering
/// figures of the past period are the same before and after.
/// </summary>
public sealed class CommunityRetentionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Guid Coordinator = Guid.Parse("5a1f0c00-0000-4000-8000-00000000c420");
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 11, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Should_erase_exactly_the_community_records_past_their_periods_hold_those_named_in_a_concern_and_keep_past_figures()
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString, settings: [new("Hub:Retention:BatchSize", "2")]);
        host.Clock.Set(T0);
        var today = UkCalendar.DayOf(T0);
        await Messaging.LinksMintedAtSendTests.VettedVolunteerAsync(host, "role.only.420@example.org"); // makes the Volunteer role

        var auditKey = await host.WithService<Hub.Domain.Audit.AuditKey, Hub.Domain.Audit.AuditKey>(Task.FromResult);
        var w = await host.WithDb(async db =>
        {
            var offer = new CommunityOffer($"Retention test group {Guid.NewGuid():N}", "Test organiser", T0, "The borough");
            db.CommunityOffers.Add(offer);
            Volunteer Vetted(string email)
            {
                var v = Volunteer.Register("Invented", "Vetted", email, "07700 900 420", "Evenings", "Words about me", "North", Guid.NewGuid(), T0);
                v.RecordChecks(new VolunteerChecks(DbsCheckType.Enhanced, today.AddDays(-30), today.AddDays(-20), today.AddDays(-10), today.AddDays(300)), Coordinator, T0);
                v.Approve(today, T0);
                db.Volunteers.Add(v);
                return v;
            }
            var leaving = Vetted("leaving.421@example.org");
            var concerned = Vetted("concerned.422@example.org");
            var neverApproved = Volunteer.Register("Invented", "Applicant", "applied.423@example.org", null, "Weekends", null, null, Guid.NewGuid(), T0);
            db.Volunteers.Add(neverApproved);
            SupportRequest Ask(string email) =>
                db.SupportRequests.Add(SupportRequest.Ask(offer.Id, "Sam", "Invented: walking in the first time", "Evenings",
                    new ComeAlongContact(ReachBy.Email, email, null, true), auditKey, Guid.NewGuid(), T0)).Entity;
            var old = Ask("old.424@example.org");
            old.Match(leaving, today, Coordinator, T0);
            var outing = old.RecordOuting(leaving.Id, today, true, "Invented: we went in together", today, T0);
            outing.PersonSays(HowItWent.Good, "Invented: it went well, thank you", T0);
            old.Close(RequestClosure.GoingAloneNow, T0);
            var younger = Ask("younger.425@example.org");
            var named = Ask("named.426@example.org");
            named.Match(concerned, today, Coordinator, T0);
            named.RecordOuting(concerned.Id, today, true, "Invented: a quiet visit", today, T0);
            named.Close(RequestClosure.NoLongerWanted, T0);
            var open = Ask("open.427@example.org");
            db.SafeguardingConcerns.Add(SafeguardingConcern.Raise(concerned.Id, named.Id, "Invented: worried about Sam's money", Guid.NewGuid(), T0));
            await db.SaveChangesAsync();
            leaving.Pause("Invented: moving away", T0);
            await db.SaveChangesAsync();
            return new { offer, leaving, concerned, neverApproved, old, outing, younger, named, open };
        });
        var leavingUser = await host.WithService<IVolunteerAccounts, Guid?>(a => a.EnsureAccountAsync(w.leaving.Email, "Invented Vetted", CancellationToken.None));
        await host.WithDb(async db =>
        {
            var v = await db.Volunteers.SingleAsync(x => x.Id == w.leaving.Id);
            typeof(Volunteer).GetProperty(nameof(Volunteer.UserId))!.SetValue(v, leavingUser); // the account an earlier invitation linked, as a paused volunteer keeps it
            return await db.SaveChangesAsync();
        });

        // A space used once at T0, and one used a year and eleven months later.
        var (stale, fresh) = await host.WithDb<(Guid, Guid)>(async db =>
        {
            SpaceMember Space(string key, DateTimeOffset at)
            {
                var member = db.SpaceMembers.Add(new SpaceMember(key, at)).Entity;
                var goal = db.SpaceGoals.Add(new SpaceGoal(member.Id, "Invented: go to the choir", at)).Entity;
                db.SpaceGoalRatings.Add(goal.Rate(6, at));
                db.SpaceMoodCheckIns.Add(new SpaceMoodCheckIn(member.Id, 3, "Invented: a grey day", at));
                db.SpaceFollows.Add(new SpaceFollow(member.Id, w.offer.Id, at));
                var link = db.SpaceSignInLinks.Add(SpaceSignInLink.Pending(key, "client", Guid.NewGuid(), null, at)).Entity;
                link.Mint(at);
                db.SpaceSessions.Add(link.Use(member, at));
                return member;
            }
            var s = Space("retention-key-stale", T0);
            var f = Space("retention-key-fresh", T0.AddMonths(23));
            await db.SaveChangesAsync();
            return (s.Id, f.Id);
        });

        var period = new FigureFilter(today.AddDays(-1), today.AddDays(1));
        var before = await Volunteering(host, period);
        before.ShouldBe(new VolunteeringFacts(true, 4, 2, 2, 1), "four asked, two matched, two outings, one went alone");

        // A year on, the second request closes: a year short of its period when the first's ends.
        host.Clock.Set(T0.AddYears(1));
        await host.WithDb(async db =>
        {
            (await db.SupportRequests.SingleAsync(r => r.Id == w.younger.Id)).Close(RequestClosure.CouldNotReach, host.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        // Two years and a day after the first closing.
        host.Clock.Set(T0.AddMonths(24).AddDays(1));
        var result = await host.Send(new ApplyCommunityRetention(), null, ApplyCommunityRetentionHandler.ActorRole);

        (result.RequestsErased, result.RequestsHeld, result.VolunteersGone, result.VolunteersHeld, result.SpacesDestroyed).ShouldBe((1, 1, 1, 0, 1));
        var requests = await host.WithDb(db => db.SupportRequests.AsNoTracking().Include(r => r.Outings).ToDictionaryAsync(r => r.Id));
        var erased = requests[w.old.Id];
        (erased.FirstName, erased.WhatToTry, erased.WhenSuits, erased.ContactKey, erased.Contact.Email, erased.Contact.Mobile).ShouldBe((SupportRequest.ErasedFirstName, string.Empty, string.Empty, string.Empty, (string?)null, (string?)null));
        erased.ErasedAt.ShouldBe(host.Clock.GetUtcNow());
        var erasedOuting = erased.Outings.Single();
        (erasedOuting.Note, erasedOuting.PersonWords, erasedOuting.Happened, erasedOuting.PersonSaid).ShouldBe(((string?)null, (string?)null, true, (HowItWent?)HowItWent.Good));
        foreach (var kept in new[] { w.younger.Id, w.named.Id, w.open.Id })
        {
            (requests[kept].ErasedAt, requests[kept].FirstName, requests[kept].Contact.Email).ShouldBe(((DateTimeOffset?)null, "Sam", requests[kept].Contact.Email), "still whole");
            requests[kept].Contact.Email.ShouldNotBeNull();
        }
        requests[w.named.Id].Outings.Single().Note.ShouldBe("Invented: a quiet visit", "a request named in a safeguarding concern is held whole");

        (await Volunteering(host, period)).ShouldBe(before, "the past period's figures are the same after retention");

        var volunteers = await host.WithDb(db => db.Volunteers.AsNoTracking().ToDictionaryAsync(v => v.Id));
        volunteers.ContainsKey(w.neverApproved.Id).ShouldBeFalse("an applicant never approved and never matched is deleted after a year");
        volunteers[w.leaving.Id].ErasedAt.ShouldBeNull("a volunteer who met people is kept six years after leaving");
        volunteers[w.leaving.Id].Checks.DbsCheckedOn.ShouldNotBeNull();

        (await host.WithDb(db => db.SpaceMembers.AsNoTracking().Select(m => m.Id).ToListAsync())).ShouldBe(new List<Guid> { fresh });
        (await host.WithDb(async db => (
            await db.SpaceGoals.CountAsync(g => g.MemberId == stale), await db.SpaceGoalRatings.CountAsync(g => g.MemberId == stale),
            await db.SpaceMoodCheckIns.CountAsync(m => m.MemberId == stale), await db.SpaceFollows.CountAsync(f => f.MemberId == stale),
            await db.SpaceSessions.CountAsync(s => s.MemberId == stale), await db.SpaceSignInLinks.CountAsync(l => l.AddressKey == "retention-key-stale"))))
            .ShouldBe((0, 0, 0, 0, 0, 0), "nothing of the stale space is left");
        (await host.WithDb(async db => (
            await db.SpaceGoals.CountAsync(g => g.MemberId == fresh), await db.SpaceGoalRatings.CountAsync(g => g.MemberId == fresh),
            await db.SpaceMoodCheckIns.CountAsync(m => m.MemberId == fresh), await db.SpaceFollows.CountAsync(f => f.MemberId == fresh))))
            .ShouldBe((1, 1, 1, 1), "a space used within two years keeps everything");

        var audit = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == AuditAction.Destroyed).ToListAsync());
        audit.Select(a => (a.RecordType, a.RecordId)).ShouldBe([(nameof(SupportRequest), w.old.Id), (nameof(Volunteer), w.neverApproved.Id), (nameof(SpaceMember), stale)], ignoreOrder: true);
        audit.ShouldAllBe(a => a.ActorUserId == null && a.ActorRole == ApplyCommunityRetentionHandler.ActorRole && a.PersonId == null);
        (await host.SendAsPractitioner(new VerifyAuditChain())).Intact.ShouldBeTrue();

        var again = await host.Send(new ApplyCommunityRetention(), null, ApplyCommunityRetentionHandler.ActorRole);
        (again.RequestsErased, again.VolunteersGone, again.SpacesDestroyed).ShouldBe((0, 0, 0), "a second run finds nothing left to do");

        // Six years and a day after the pause: the volunteer who met people is erased in place, their account removed.
        host.Clock.Set(T0.AddYears(6).AddDays(1));
        var later = await host.Send(new ApplyCommunityRetention(), null, ApplyCommunityRetentionHandler.ActorRole);
        later.VolunteersGone.ShouldBe(1);
        later.VolunteersHeld.ShouldBe(0, "the concerned volunteer is still approved, so not due at all");
        var gone = await host.WithDb(db => db.Volunteers.AsNoTracking().SingleAsync(v => v.Id == w.leaving.Id));
        (gone.FirstName, gone.LastName, gone.Email, gone.Mobile, gone.AboutMe, gone.Area, gone.PauseReason, gone.UserId).ShouldBe(("Former", "volunteer", string.Empty, (string?)null, (string?)null, (string?)null, (string?)null, (Guid?)null));
        gone.Checks.ShouldBe(VolunteerChecks.None, "no check dates are kept");
        (await host.WithDb(db => db.Users.CountAsync(u => u.Id == leavingUser))).ShouldBe(0, "their sign-in account is removed");
        (await host.WithDb(db => db.SupportMatches.CountAsync(m => m.VolunteerId == w.leaving.Id))).ShouldBe(1, "past matches still count");
        (await Volunteering(host, period)).ShouldBe(before, "and the figures still stand");
    }

    [SkippableFact]
    public async Task Should_hold_a_paused_volunteer_while_a_concern_about_them_is_open_and_delete_spent_links_and_sessions()
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString);
        host.Clock.Set(T0);
        var today = UkCalendar.DayOf(T0);
        var (volunteerId, memberId) = await host.WithDb(async db =>
        {
            var v = Volunteer.Register("Invented", "Paused", "paused.430@example.org", null, "Evenings", null, null, Guid.NewGuid(), T0);
            v.RecordChecks(new VolunteerChecks(DbsCheckType.Enhanced, today.AddDays(-30), today.AddDays(-20), today.AddDays(-10), today.AddDays(300)), Coordinator, T0);
            v.Approve(today, T0);
            db.Volunteers.Add(v);
            db.SafeguardingConcerns.Add(SafeguardingConcern.Raise(v.Id, null, "Invented: a worry about conduct", Guid.NewGuid(), T0));
            await db.SaveChangesAsync();
            v.Pause("Invented: while the concern is looked into", T0);
            var member = db.SpaceMembers.Add(new SpaceMember("retention-key-links", T0)).Entity;
            var used = db.SpaceSignInLinks.Add(SpaceSignInLink.Pending("retention-key-links", "client", Guid.NewGuid(), null, T0)).Entity;
            used.Mint(T0);
            db.SpaceSessions.Add(used.Use(member, T0));
            db.SpaceSignInLinks.Add(SpaceSignInLink.Pending("retention-key-links", "client", Guid.NewGuid(), null, T0)); // never opened
            await db.SaveChangesAsync();
            return (v.Id, member.Id);
        });

        host.Clock.Set(T0.AddDays(8)); // past the spent-link period, well within every record's
        var spent = await host.Send(new ApplyCommunityRetention(), null, ApplyCommunityRetentionHandler.ActorRole);
        spent.SpentRowsDeleted.ShouldBe(3, "one session and both links");
        (await host.WithDb(db => db.SpaceMembers.CountAsync(m => m.Id == memberId))).ShouldBe(1, "the space itself stays");

        host.Clock.Set(T0.AddYears(7));
        var result = await host.Send(new ApplyCommunityRetention(), null, ApplyCommunityRetentionHandler.ActorRole);
        (result.VolunteersGone, result.VolunteersHeld).ShouldBe((0, 1), "held while the concern is open (hazard H46)");
        (await host.WithDb(db => db.Volunteers.AsNoTracking().SingleAsync(v => v.Id == volunteerId))).Email.ShouldBe("paused.430@example.org");
        await host.WithDb(async db =>
        {
            (await db.SafeguardingConcerns.SingleAsync(c => c.VolunteerId == volunteerId)).ActOn("Invented: looked into and closed", Coordinator, host.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        (await host.Send(new ApplyCommunityRetention(), null, ApplyCommunityRetentionHandler.ActorRole)).VolunteersGone.ShouldBe(1, "once acted on, the next run erases them");
        (await host.WithDb(db => db.Volunteers.AsNoTracking().SingleAsync(v => v.Id == volunteerId))).ErasedAt.ShouldNotBeNull("kept as an id: the concern points to it");
    }

    /// <summary>
    /// Safeguarding concerns are kept until the organisation sets a period (docs/decisions/054). With six
    /// years set: a concern acted on more than six years ago goes whole, with one audit row of its id,
    /// and the closed request it alone held is erased in the same run; a concern acted on later, and one
    /// never acted on however old, stay whole and keep holding what they name.
    /// </summary>
    [SkippableTheory]
    [InlineData(null)]
    [InlineData("6")]
    public async Task Should_destroy_a_concern_only_when_a_period_is_set_and_only_that_long_after_it_was_acted_on(string? years)
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString,
            settings: [new("Hub:Retention:BatchSize", "1"), new("Hub:Retention:SafeguardingConcernYears", years)]);
        host.Clock.Set(T0);
        var today = UkCalendar.DayOf(T0);
        var auditKey = await host.WithService<AuditKey, AuditKey>(Task.FromResult);
        var w = await host.WithDb(async db =>
        {
            var offer = db.CommunityOffers.Add(new CommunityOffer($"Concern retention group {Guid.NewGuid():N}", "Test organiser", T0, "The borough")).Entity;
            var volunteer = Volunteer.Register("Invented", "Vetted", "concerns.440@example.org", null, "Evenings", null, null, Guid.NewGuid(), T0);
            volunteer.RecordChecks(new VolunteerChecks(DbsCheckType.Enhanced, today.AddDays(-30), today.AddDays(-20), today.AddDays(-10), today.AddDays(300)), Coordinator, T0);
            volunteer.Approve(today, T0);
            db.Volunteers.Add(volunteer);
            SupportRequest Closed(string email)
            {
                var request = db.SupportRequests.Add(SupportRequest.Ask(offer.Id, "Sam", "Invented: the first time", "Evenings",
                    new ComeAlongContact(ReachBy.Email, email, null, true), auditKey, Guid.NewGuid(), T0)).Entity;
                request.Close(RequestClosure.NoLongerWanted, T0);
                return request;
            }
            var (early, late, open) = (Closed("early.441@example.org"), Closed("late.442@example.org"), Closed("open.443@example.org"));
            SafeguardingConcern Concern(SupportRequest about) =>
                db.SafeguardingConcerns.Add(SafeguardingConcern.Raise(volunteer.Id, about.Id, "Invented: a worry about Sam", Guid.NewGuid(), T0)).Entity;
            var (actedEarly, actedLate, neverActed) = (Concern(early), Concern(late), Concern(open));
            actedEarly.ActOn("Invented: talked it through with Sam", Coordinator, T0.AddDays(1));
            actedLate.ActOn("Invented: referred on", Coordinator, T0.AddYears(5));
            await db.SaveChangesAsync();
            return new { early, late, open, actedEarly, actedLate, neverActed };
        });

        host.Clock.Set(T0.AddYears(6).AddDays(2));
        var result = await host.Send(new ApplyCommunityRetention(), null, ApplyCommunityRetentionHandler.ActorRole);

        var concerns = await host.WithDb(db => db.SafeguardingConcerns.AsNoTracking().Select(c => c.Id).ToListAsync());
        var requests = await host.WithDb(db => db.SupportRequests.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.ErasedAt));
        var destroyed = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == AuditAction.Destroyed && a.RecordType == nameof(SafeguardingConcern)).ToListAsync());
        if (years is null)
        {
            result.ConcernsDestroyed.ShouldBeNull("no period set: every concern is kept");
            concerns.ShouldBe([w.actedEarly.Id, w.actedLate.Id, w.neverActed.Id], ignoreOrder: true);
            (result.RequestsErased, result.RequestsHeld).ShouldBe((0, 3), "each request is held by its concern");
            destroyed.ShouldBeEmpty();
            return;
        }
        result.ConcernsDestroyed.ShouldBe(1);
        concerns.ShouldBe([w.actedLate.Id, w.neverActed.Id], ignoreOrder: true, "acted on five years in, and never acted on: kept");
        (result.RequestsErased, result.RequestsHeld).ShouldBe((1, 2), "the request held only by the concern that went is erased in the same run");
        requests[w.early.Id].ShouldNotBeNull();
        (requests[w.late.Id], requests[w.open.Id]).ShouldBe(((DateTimeOffset?)null, (DateTimeOffset?)null));
        var row = destroyed.ShouldHaveSingleItem();
        (row.RecordId, row.Screen, row.PersonId, row.ActorUserId).ShouldBe((w.actedEarly.Id, ApplyCommunityRetentionHandler.ConcernScreen, (Guid?)null, (Guid?)null));
        (await host.WithDb(db => db.SafeguardingConcerns.AsNoTracking().CountAsync(c => c.WhatWasDone == "Invented: talked it through with Sam"))).ShouldBe(0, "nothing of it is left");
        (await host.SendAsPractitioner(new VerifyAuditChain())).Intact.ShouldBeTrue();
    }

    private static Task<VolunteeringFacts> Volunteering(ApplicationHost host, FigureFilter filter) =>
        host.WithDb(async db => (await db.LoadFactsAsync(filter, host.Clock.GetUtcNow(), CancellationToken.None)).Volunteering);
}
