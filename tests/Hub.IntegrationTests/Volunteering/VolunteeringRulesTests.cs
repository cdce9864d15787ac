using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Application.Volunteering.Coordination;
using Hub.Application.Volunteering.Supporting;
using Hub.Application.Volunteering.TellHowItWent;
using Hub.Domain.Common;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Volunteering;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Volunteering;

/// <summary>
/// The volunteering rules on PostgreSQL through the mediator: who may be matched, what a pause
/// does, what the coordinator is warned about, and what a volunteer and the person may reach.
/// </summary>
public sealed class VolunteeringRulesTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    internal static readonly Guid CoordinatorId = Guid.Parse("5a1f0c00-0000-4000-8000-00000000c001");

    [SkippableFact]
    public async Task Should_return_every_match_to_the_queue_when_the_volunteer_is_paused()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var offer = await NewOfferAsync(host);
        var volunteer = await NewVolunteerAsync(host, vetted: true, userId: Guid.NewGuid());
        var first = await AskAsync(host, offer, "pause.one@example.org");
        var second = await AskAsync(host, offer, "pause.two@example.org");
        await MatchAsync(host, first, volunteer.Id);
        await MatchAsync(host, second, volunteer.Id);
        (await host.Send(new GetMyRequests(), volunteer.UserId, Roles.Volunteer)).Requests.Count.ShouldBe(2);

        var returned = await host.Send(new ChangeVolunteer(volunteer.Id, Pause: true, "A concern is being looked into.", await VersionOf(host, volunteer.Id)), CoordinatorId, Roles.VolunteerCoordinator);

        returned.ShouldBe(2);
        var requests = await host.WithDb(db => db.SupportRequests.AsNoTracking().Include(r => r.Matches).Where(r => r.Id == first || r.Id == second).ToListAsync());
        requests.ShouldAllBe(r => r.Status == SupportRequestStatus.Waiting && r.CurrentMatch == null);
        requests.SelectMany(r => r.Matches).ShouldAllBe(m => m.Ending == MatchEnding.VolunteerPaused && m.EndedAt == host.Clock.GetUtcNow());
        (await host.Send(new GetMyRequests(), volunteer.UserId, Roles.Volunteer)).Requests.ShouldBeEmpty("a paused volunteer sees nothing");
        await Should.ThrowAsync<ForbiddenAccessException>(() => host.Send(new GetMyRequest(first), volunteer.UserId, Roles.Volunteer));
        var refused = await Should.ThrowAsync<ValidationException>(() => MatchAsync(host, first, volunteer.Id));
        refused.Errors.Single().ErrorMessage.ShouldContain("cannot be matched");
    }

    [SkippableFact]
    public async Task Should_refuse_to_match_a_volunteer_whose_vetting_is_incomplete()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var offer = await NewOfferAsync(host);
        var request = await AskAsync(host, offer, "incomplete@example.org");
        var today = UkCalendar.DayOf(host.Clock.GetUtcNow());
        var volunteer = await NewVolunteerAsync(host, vetted: false, userId: null);
        await host.Send(new RecordChecks(volunteer.Id, DbsCheckType.Enhanced, today.AddDays(-10), null, today.AddDays(-2), today.AddDays(300), await VersionOf(host, volunteer.Id)),
            CoordinatorId, Roles.VolunteerCoordinator);

        var approve = await Should.ThrowAsync<ValidationException>(() => VersionOf(host, volunteer.Id)
            .ContinueWith(v => host.Send(new ChangeVolunteer(volunteer.Id, Pause: false, null, v.Result), CoordinatorId, Roles.VolunteerCoordinator)).Unwrap());
        approve.Errors.Single().ErrorMessage.ShouldContain("references not received");
        var match = await Should.ThrowAsync<ValidationException>(() => MatchAsync(host, request, volunteer.Id));
        match.Errors.Single().ErrorMessage.ShouldContain("cannot be matched");
        (await host.Send(new GetRequestForCoordinator(request), CoordinatorId, Roles.VolunteerCoordinator)).Candidates.ShouldNotContain(c => c.VolunteerId == volunteer.Id);
        (await host.WithDb(db => db.SupportMatches.CountAsync(m => m.RequestId == request))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_flag_a_review_falling_due_and_stop_matching_and_access_once_it_is_overdue()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var offer = await NewOfferAsync(host);
        var held = await AskAsync(host, offer, "lapsing.held@example.org");
        var request = await AskAsync(host, offer, "lapsing@example.org");
        var volunteer = await NewVolunteerAsync(host, vetted: true, userId: Guid.NewGuid(), reviewInDays: 10);
        await MatchAsync(host, held, volunteer.Id);

        var soon = (await host.Send(new GetVolunteers(), CoordinatorId, Roles.VolunteerCoordinator)).ChecksFallingDue.Single(v => v.Id == volunteer.Id);
        soon.ReviewOverdue.ShouldBeFalse();
        soon.CanBeMatched.ShouldBeTrue();
        (await host.Send(new GetMyRequest(held), volunteer.UserId, Roles.Volunteer)).FirstName.ShouldBe("Sam");

        host.Clock.Advance(TimeSpan.FromDays(11));
        var list = await host.Send(new GetVolunteers(), CoordinatorId, Roles.VolunteerCoordinator);
        var overdue = list.ChecksFallingDue.Single(v => v.Id == volunteer.Id);
        overdue.ReviewOverdue.ShouldBeTrue();
        overdue.CanBeMatched.ShouldBeFalse();
        (await host.Send(new GetRequestForCoordinator(request), CoordinatorId, Roles.VolunteerCoordinator)).Candidates.ShouldNotContain(c => c.VolunteerId == volunteer.Id);
        var refused = await Should.ThrowAsync<ValidationException>(() => MatchAsync(host, request, volunteer.Id));
        refused.Errors.Single().ErrorMessage.ShouldContain("the review is overdue");
        (await host.Send(new GetMyRequests(), volunteer.UserId, Roles.Volunteer)).Requests.ShouldBeEmpty("a lapsed volunteer sees nothing until the review is done");
        await Should.ThrowAsync<ForbiddenAccessException>(() => host.Send(new GetMyRequest(held), volunteer.UserId, Roles.Volunteer));
    }

    [SkippableFact]
    public async Task Should_email_every_coordinator_at_once_with_only_a_link_to_the_concern()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var coordinatorEmail = $"coordinator.{Guid.NewGuid():N}@example.org";
        await host.WithService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>, bool>(async roles =>
        {
            if (!await roles.RoleExistsAsync(Roles.VolunteerCoordinator))
            {
                await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole<Guid>(Roles.VolunteerCoordinator));
            }
            return true;
        });
        await host.WithService<Microsoft.AspNetCore.Identity.UserManager<Hub.Infrastructure.Identity.StaffUser>, bool>(async users =>
        {
            var user = new Hub.Infrastructure.Identity.StaffUser { UserName = coordinatorEmail, Email = coordinatorEmail, DisplayName = "Coordinator" };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.VolunteerCoordinator)).Succeeded.ShouldBeTrue();
            return true;
        });
        var offer = await NewOfferAsync(host);
        var request = await AskAsync(host, offer, "concern.person@example.org");
        var volunteer = await NewVolunteerAsync(host, vetted: true, userId: Guid.NewGuid());
        await MatchAsync(host, request, volunteer.Id);
        var token = Guid.NewGuid();

        await host.Send(new RaiseConcern(request, "Invented: Sam said someone at home takes their money.", token), volunteer.UserId, Roles.Volunteer);
        await host.Send(new RaiseConcern(request, "Invented: Sam said someone at home takes their money.", token), volunteer.UserId, Roles.Volunteer);

        var concern = await host.WithDb(db => db.SafeguardingConcerns.AsNoTracking().SingleAsync(c => c.FormToken == token));
        concern.IsOpen.ShouldBeTrue();
        var alerts = await host.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == coordinatorEmail).ToListAsync());
        alerts.Count.ShouldBe(1, "one alert, even when the form is sent twice");
        alerts[0].Purpose.ShouldBe(RaiseConcernHandler.Purpose);
        alerts[0].Body.ShouldContain("/staff/volunteering/concerns/" + concern.Id);
        (alerts[0].Subject + alerts[0].Body).ShouldNotContain("Sam");
        (alerts[0].Subject + alerts[0].Body).ShouldNotContain("money");
        (alerts[0].Subject + alerts[0].Body).ShouldNotContain("concern.person@example.org");
        (await host.Send(new GetRequestQueue(SupportRequestStatus.Matched), CoordinatorId, Roles.VolunteerCoordinator)).OpenConcerns.ShouldBeGreaterThanOrEqualTo(1);
    }

    [SkippableFact]
    public async Task Should_let_only_the_matched_volunteer_record_an_outing_and_the_person_say_once_how_it_went()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var offer = await NewOfferAsync(host);
        var email = $"outing.{Guid.NewGuid():N}@example.org";
        var request = await AskAsync(host, offer, email);
        var matched = await NewVolunteerAsync(host, vetted: true, userId: Guid.NewGuid());
        var other = await NewVolunteerAsync(host, vetted: true, userId: Guid.NewGuid());
        await MatchAsync(host, request, matched.Id);
        var yesterday = UkCalendar.DayOf(host.Clock.GetUtcNow()).AddDays(-1);

        await Should.ThrowAsync<ForbiddenAccessException>(() => host.Send(new RecordOuting(request, yesterday, "yes", null), other.UserId, Roles.Volunteer));
        await Should.ThrowAsync<ForbiddenAccessException>(() => host.Send(new GetMyRequest(request), other.UserId, Roles.Volunteer));
        await host.Send(new RecordOuting(request, yesterday, "yes", "We went in together."), matched.UserId, Roles.Volunteer);

        var sent = await host.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == email && m.Purpose == ComeAlongMessages.HowItWentPurpose).ToListAsync());
        sent.Count.ShouldBe(1, "one invitation into their space (OutingsInSpaceTests follows it)");
        (await host.WithDb(db => db.OutingFeedbackLinks.CountAsync(l => db.Outings.Any(o => o.Id == l.OutingId && o.RequestId == request)))).ShouldBe(0, "no new emailed one-time link is issued (docs/decisions/041)");

        // A link emailed before the space took over still answers, once.
        var outingId = await host.WithDb(db => db.Outings.Where(o => o.RequestId == request).Select(o => o.Id).SingleAsync());
        var (issued, token) = OutingFeedbackLink.Issue(outingId, host.Clock.GetUtcNow());
        await host.WithDb(async db => { db.OutingFeedbackLinks.Add(issued); return await db.SaveChangesAsync(); });
        var link = (await host.SendAsPublic(new CheckHowItWentLink(token))).ShouldNotBeNull();
        (await host.SendAsPublic(new SayHowItWent(link, "good", "It helped to have someone with me."))).ShouldBeTrue();
        (await host.SendAsPublic(new SayHowItWent(link, "not-good", "Second go."))).ShouldBeFalse("the link is spent");
        (await host.SendAsPublic(new CheckHowItWentLink(token))).ShouldBeNull();

        var outing = await host.WithDb(db => db.Outings.AsNoTracking().SingleAsync(o => o.Id == outingId));
        outing.PersonSaid.ShouldBe(HowItWent.Good);
        outing.PersonWords.ShouldBe("It helped to have someone with me.");
    }

    [SkippableFact]
    public async Task Should_send_no_message_to_a_person_who_said_messages_are_not_safe()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var offer = await NewOfferAsync(host);
        var email = $"unsafe.{Guid.NewGuid():N}@example.org";
        var request = await AskAsync(host, offer, email, messagesSafe: false);
        var volunteer = await NewVolunteerAsync(host, vetted: true, userId: Guid.NewGuid());
        await MatchAsync(host, request, volunteer.Id);
        await host.Send(new RecordOuting(request, UkCalendar.DayOf(host.Clock.GetUtcNow()), "yes", null), volunteer.UserId, Roles.Volunteer);

        (await host.WithDb(db => db.OutboxMessages.CountAsync(m => m.To == email))).ShouldBe(0);
        (await host.WithDb(db => db.OutingFeedbackLinks.CountAsync(l => db.Outings.Any(o => o.Id == l.OutingId && o.RequestId == request)))).ShouldBe(0);
        (await host.WithDb(db => db.SpaceSignInLinks.CountAsync(l => db.Outings.Any(o => o.Id == l.LandOnOutingId && o.RequestId == request)))).ShouldBe(0, "no way into a space is made for a message that is not sent");
    }

    internal static async Task<Guid> NewOfferAsync(ApplicationHost host) => await host.WithDb(async db =>
    {
        var offer = new CommunityOffer($"Volunteering test group {Guid.NewGuid():N}", "Test organiser", host.Clock.GetUtcNow(), "The borough");
        db.CommunityOffers.Add(offer);
        await db.SaveChangesAsync();
        return offer.Id;
    });

    internal static async Task<Guid> AskAsync(ApplicationHost host, Guid offerId, string email, bool messagesSafe = true)
    {
        var token = Guid.NewGuid();
        await host.SendAsPublic(new AskForSupporter(offerId, new ComeAlongAnswers
        {
            FirstName = "Sam", WhatToTry = "Going in the first time", WhenSuits = "Evenings", ReachBy = "email", Email = email, MessagesSafe = messagesSafe ? "yes" : "no",
        }, token));
        return await host.WithDb(db => db.SupportRequests.Where(r => r.FormToken == token).Select(r => r.Id).SingleAsync());
    }

    internal static async Task<Volunteer> NewVolunteerAsync(ApplicationHost host, bool vetted, Guid? userId, int reviewInDays = 300) => await host.WithDb(async db =>
    {
        var now = host.Clock.GetUtcNow();
        var today = UkCalendar.DayOf(now);
        var volunteer = Volunteer.Register("Vol", "Unteer", $"vol.{Guid.NewGuid():N}@example.org", null, "Evenings", null, null, Guid.NewGuid(), now);
        if (vetted)
        {
            volunteer.RecordChecks(new VolunteerChecks(DbsCheckType.Enhanced, today.AddDays(-30), today.AddDays(-20), today.AddDays(-10), today.AddDays(reviewInDays)), CoordinatorId, now);
            volunteer.Approve(today, now);
            if (userId is { } id)
            {
                volunteer.Invite(id, now);
            }
        }
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync();
        return volunteer;
    });

    private static Task<int> VersionOf(ApplicationHost host, Guid volunteerId) =>
        host.WithDb(db => db.Volunteers.Where(v => v.Id == volunteerId).Select(v => v.Version).SingleAsync());

    internal static async Task MatchAsync(ApplicationHost host, Guid requestId, Guid volunteerId)
    {
        var version = await host.WithDb(db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.Version).SingleAsync());
        await host.Send(new MatchVolunteer(requestId, volunteerId, version), CoordinatorId, Roles.VolunteerCoordinator);
    }
}
