using Hub.Application.SupportPlans.Link.RequestPlanLink;
using Hub.Application.SupportPlans.MyPlan.CheckInMyMood;
using Hub.Application.SupportPlans.MyPlan.GetMyPlan;
using Hub.Application.SupportPlans.MyPlan.SaveMyPlan;
using Hub.Application.SupportPlans.MyPlan.SetMyReminder;
using Hub.Application.SupportPlans.Staff.GetStaffPlan;
using Hub.Application.SupportPlans.Staff.SendReviewReminders;
using Hub.Application.SupportPlans.Staff.ShareNoteWithPerson;
using Hub.Application.SupportPlans.Staff.StartSupportPlan;
using Hub.Domain.CareTeams;
using Hub.Domain.SupportPlans;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.SupportPlans;

/// <summary>
/// Around the plan: review reminders sent once per review date however often the job runs, mood
/// check-ins and shared notes seen by the right people, and new links asked for by email without
/// saying whether an address is known.
/// </summary>
public sealed class PlanRemindersAndCheckInsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_remind_the_lead_and_the_person_who_asked_once_for_each_review_date()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, lead) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"));
        var referral = await TriagedReferral(host, Answers(email: "remind.491@example.org"));
        await Join(host, a, referral.Id, lead, CareTeamRole.Lead);
        var planId = await host.SendAsPractitioner(new StartSupportPlan(referral.Id), lead.Id);
        var me = referral.PersonId;
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var token = (await host.SendAsPerson(new GetMyPlan(), me)).Token;
        (await host.SendAsPerson(new SaveMyPlan(planId, token, "Invented words.", [], [], null, [], today.AddDays(10)), me)).Saved.ShouldBeTrue();
        await host.SendAsPerson(new SetMyReminder(planId, true), me);

        (await host.SendAsPublic(new SendReviewReminders())).ShouldBe(0, "ten days ahead is not yet due");
        host.Clock.Advance(TimeSpan.FromDays(4));
        (await host.SendAsPublic(new SendReviewReminders())).ShouldBe(1);
        (await host.SendAsPublic(new SendReviewReminders())).ShouldBe(0, "the same review date is never reminded twice");
        host.Clock.Advance(TimeSpan.FromDays(1));
        (await host.SendAsPublic(new SendReviewReminders())).ShouldBe(0);

        var toLead = (await Outbox(host, lead.Email, "plan-review-reminder")).ShouldHaveSingleItem();
        toLead.Body.ShouldContain(referral.Reference);
        toLead.Body.ShouldNotContain("Invented words", customMessage: "the person's words stay in the record");
        (await Outbox(host, "remind.491@example.org", "plan-review-reminder-person")).ShouldHaveSingleItem();

        // A new review date is a new reminder.
        token = (await host.SendAsPerson(new GetMyPlan(), me)).Token;
        (await host.SendAsPerson(new SaveMyPlan(planId, token, "Invented words.", [], [], null, [], today.AddDays(9)), me)).Saved.ShouldBeTrue();
        (await host.SendAsPublic(new SendReviewReminders())).ShouldBe(1);
        (await Outbox(host, lead.Email, "plan-review-reminder")).Count.ShouldBe(2);
    }

    [SkippableFact]
    public async Task Should_show_staff_the_persons_check_ins_and_the_person_only_the_notes_shared_with_them()
    {
        await using var host = Host(database);
        var referral = await TriagedReferral(host, Answers(email: "notes.492@example.org"));
        await host.SendAsPractitioner(new StartSupportPlan(referral.Id));
        var me = referral.PersonId;

        await host.SendAsPerson(new CheckInMyMood(2, "Invented: a rough week."), me);
        await Should.ThrowAsync<FluentValidation.ValidationException>(() => host.SendAsPerson(new CheckInMyMood(9, null), me));
        await host.SendAsPractitioner(new ShareNoteWithPerson(referral.Id, "Invented: see you Thursday at the café."));

        var staffView = (await host.SendAsPractitioner(new GetStaffPlan(referral.Id)))!;
        staffView.CheckIns.ShouldHaveSingleItem().ShouldBe(new CheckInRow(2, "Invented: a rough week.", host.Clock.GetUtcNow()));
        var mine = await host.SendAsPerson(new GetMyPlan(), me);
        mine.Notes.ShouldHaveSingleItem().Text.ShouldBe("Invented: see you Thursday at the café.");
        mine.CheckIns.ShouldHaveSingleItem().Mood.ShouldBe(2);
    }

    [SkippableFact]
    public async Task Should_send_a_new_link_only_to_a_known_address_and_answer_the_same_either_way()
    {
        await using var host = Host(database);
        var referral = await TriagedReferral(host, Answers(email: "known.493@example.org"));
        await host.SendAsPractitioner(new StartSupportPlan(referral.Id));

        await host.SendAsPublic(new RequestPlanLink(" Known.493@Example.org "));
        await host.SendAsPublic(new RequestPlanLink("unknown.493@example.org"));
        await host.SendAsPublic(new Hub.Application.SupportPlans.Link.ProcessPlanLinkRequests.ProcessPlanLinkRequests()); // the background half

        (await Outbox(host, "known.493@example.org", "plan-link-request")).ShouldHaveSingleItem();
        (await host.WithDb(db => db.OutboxMessages.CountAsync(m => m.To == "unknown.493@example.org"))).ShouldBe(0);
        (await host.WithDb(db => db.PlanAccessLinks.CountAsync(l => l.PersonId == referral.PersonId))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_name_as_helping_only_the_persons_own_care_team_network_or_agreed_offers()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, lead) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"));
        var referral = await TriagedReferral(host, Answers(email: "helpers.494@example.org"));
        await Join(host, a, referral.Id, lead, CareTeamRole.Lead);
        var planId = await host.SendAsPractitioner(new StartSupportPlan(referral.Id), lead.Id);
        var me = referral.PersonId;
        var mine = await host.SendAsPerson(new GetMyPlan(), me);
        var leadHelper = mine.HelperOptions.ShouldHaveSingleItem();
        (leadHelper.Kind, leadHelper.ReferenceId).ShouldBe((HelperKind.CareTeamMember, (Guid?)lead.Id));

        var forged = new Helper(HelperKind.CareTeamMember, "Someone not on the team", Guid.NewGuid());
        (await host.SendAsPerson(new SaveMyPlan(planId, mine.Token, null, [], ["Walk on Saturdays", "Call the council"], null, [], null, [leadHelper, forged]), me)).Saved.ShouldBeTrue();

        var steps = (await host.SendAsPerson(new GetMyPlan(), me)).Content.Steps;
        steps[0].Helpers.ShouldBe([leadHelper]);
        steps[1].Helpers.ShouldBeEmpty("a helper from outside the person's own circle is not stored");
    }
}
