using FluentValidation;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Connect.ForPeople;
using Hub.Application.Connect.ForPeople.FindGroupsForPerson;
using Hub.Application.Connect.ForPeople.SendGroupPage;
using Hub.Application.Connect.ForPeople.SuggestGroupStep;
using Hub.Application.SupportPlans.MyPlan.AnswerMySuggestion;
using Hub.Application.SupportPlans.MyPlan.GetMyPlan;
using Hub.Domain.Audit;
using Hub.Domain.CommunityOffers;
using Hub.Domain.SupportPlans;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.Messaging.MessagingWorld;

namespace Hub.IntegrationTests.Connect;

/// <summary>
/// Links from the hub to Connect and Do on PostgreSQL: staff send a person a group's public page, the
/// way the person chose, carrying only the group's name and public link; or suggest the group as a
/// step in the person's plan, which changes nothing until the person accepts it.
/// </summary>
public sealed class GroupsForPeopleTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();

    [SkippableFact]
    public async Task Should_send_a_groups_public_page_by_the_persons_choice_with_only_its_name_and_link()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var group = await Group(host, "Invented Riverside Walking Group", active: true);
        var withdrawn = await Group(host, "Invented Withdrawn Group", active: false);
        var texted = await CareTeams.CareTeamWorld.TriagedReferral(host, TextsOnly("07700 900 331"));
        var notSafe = await CareTeams.CareTeamWorld.TriagedReferral(host, TextsOnly("07700 900 332", safe: "no"));
        var emailed = await CareTeams.CareTeamWorld.TriagedReferral(host, CareTeams.CareTeamWorld.Answers(email: "groups.333@example.org"));
        await Dispatch(host); // the referral confirmations
        var textsBefore = _notify.Texts.Count;

        (await host.SendAsPractitioner(new SendGroupPage(texted.Id, group))).ShouldBe(MessageChannel.Text);
        (await host.SendAsPractitioner(new SendGroupPage(emailed.Id, group))).ShouldBe(MessageChannel.Email);
        var refused = await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(new SendGroupPage(notSafe.Id, group)));
        refused.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("messages are not safe", Case.Insensitive);
        await Should.ThrowAsync<NotFoundException>(() => host.SendAsPractitioner(new SendGroupPage(texted.Id, withdrawn)));
        await Dispatch(host);

        _notify.Refusals.ShouldBeEmpty();
        var link = CareTeams.CareTeamWorld.BaseUrl.TrimEnd('/') + "/connect/groups/" + group;
        var text = _notify.Texts.Skip(textsBefore).ShouldHaveSingleItem();
        (text.To, text.TemplateId).ShouldBe(("07700 900 331", NotifyStandIn.Templates["group-page"].Id));
        text.Personalisation.ShouldBe(new Dictionary<string, string> { ["name"] = "Invented Riverside Walking Group", ["link"] = link },
            "the group's name and its public page, the same for everyone: nothing about the person");
        var email = mail.Sent.Single(m => m.Purpose == SendGroupPageHandler.Purpose);
        email.To.ShouldBe("groups.333@example.org");
        email.Body.ShouldContain(link + "\n");
        foreach (var word in new[] { emailed.Reference, emailed.PersonId.ToString(), "Living Well", "mental", "?" })
        {
            (email.Subject + email.Body).ShouldNotContain(word, Case.Insensitive);
        }
        (await Messages(host)).Where(m => m.PersonId == notSafe.PersonId && m.Purpose == SendGroupPageHandler.Purpose).ShouldBeEmpty();

        var onRecord = (await host.WithService<IEmailOutbox, IReadOnlyList<PersonMessage>>(o => o.ForPerson(texted.PersonId, CancellationToken.None)))
            .Single(m => m.Purpose == SendGroupPageHandler.Purpose);
        (onRecord.What, onRecord.State).ShouldBe(("A Connect and Do group's page", MessageState.Sent), "staff see on the record that it went");
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.PersonId == texted.PersonId && a.Action == AuditAction.Create
            && a.Screen == "Connect and Do: send the person a group's page" && a.ActorUserId == ApplicationHost.PractitionerId))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_suggest_a_group_as_a_step_that_changes_the_plan_only_when_the_person_accepts_it()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;
        var group = await Group(host, "Invented Saturday Allotment Club", active: true);
        var referral = await WithPlan(host, TextsOnly("07700 900 334"));
        var noPlan = await CareTeams.CareTeamWorld.TriagedReferral(host, TextsOnly("07700 900 335"));

        var found = await host.SendAsPractitioner(new FindGroupsForPerson(referral.Id, "The borough", "allotment"));
        found.Search.Groups.ShouldContain(g => g.Id == group);
        (found.HasPlan, found.Route.Channel).ShouldBe((true, (MessageChannel?)MessageChannel.Text));

        (await host.SendAsPractitioner(new SuggestGroupStep(referral.Id, group))).ShouldBeTrue();
        (await host.SendAsPractitioner(new SuggestGroupStep(referral.Id, group))).ShouldBeFalse("one waiting suggestion a group");
        var noPlanRefused = await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(new SuggestGroupStep(noPlan.Id, group)));
        noPlanRefused.Errors.Single().ErrorMessage.ShouldStartWith("Start the person's plan first");

        var before = await host.SendAsPerson(new GetMyPlan(), referral.PersonId);
        before.Content.Steps.ShouldNotContain(s => s.Text.Contains("Allotment", StringComparison.Ordinal), "a suggestion changes nothing until the person accepts it");
        var waiting = before.Suggestions.ShouldHaveSingleItem();
        (waiting.Section, waiting.Text, waiting.GroupId).ShouldBe((PlanSection.AddStep, "Go along to Invented Saturday Allotment Club", (Guid?)group));

        await host.SendAsPerson(new AnswerMySuggestion(waiting.SuggestionId, Accept: true), referral.PersonId);

        var after = await host.SendAsPerson(new GetMyPlan(), referral.PersonId);
        var step = after.Content.Steps[^1];
        step.Text.ShouldBe("Go along to Invented Saturday Allotment Club");
        step.Helpers.ShouldBe([new Helper(HelperKind.CommunityOffer, "Invented Saturday Allotment Club", group)], "the group is named as who helps, so the plan links to its page");
        after.HelperOptions.ShouldContain(step.Helpers[0], "the person's next save keeps the group with the step");
        var versions = await host.WithDb(db => db.PlanVersions.AsNoTracking().Where(v => v.PlanId == after.PlanId).OrderBy(v => v.Number).Select(v => v.Author).ToListAsync());
        versions[^1].ShouldBe(PlanAuthor.Person, "the person made the change by accepting it");
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.PersonId == referral.PersonId && a.Screen == "Connect and Do: suggest a group as a step in the plan"))).ShouldBe(1);
    }

    private static Task<Guid> Group(ApplicationHost host, string name, bool active) => host.WithDb(async db =>
    {
        var offer = new CommunityOffer(name, "Invented Community Trust", host.Clock.GetUtcNow(), "The borough");
        offer.Describe(name, "A friendly group that meets every week.", offer.OrganisationName, [], [], true, ["English"]);
        offer.Locate("Riverside", "Community centre", null, null);
        offer.Schedule([new OfferSession(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(12, 0))], null);
        offer.SetActive(active);
        db.CommunityOffers.Add(offer);
        await db.SaveChangesAsync();
        return offer.Id;
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
