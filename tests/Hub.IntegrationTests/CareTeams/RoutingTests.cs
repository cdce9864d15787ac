using Hub.Application.CareTeams.OfferHandoff;
using Hub.Application.Conversations.SaveConversation;
using Hub.Application.Conversations.StartConversation;
using Hub.Application.Routing.GetRoutingSuggestions;
using Hub.Application.Routing.SaveRoutingPreferences;
using Hub.Domain.CareTeams;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>Routing suggestions from real directory rows, caseloads and a conversation, in a database of its own so the list is exact.</summary>
public sealed class RoutingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_suggest_the_money_adviser_first_for_a_money_need_with_the_reasons_and_leave_out_a_member_who_is_away()
    {
        await using var host = Host(database);
        var (voluntary, primary) = (await Team(host), await Team(host, Sector.Primary));
        var money = await Member(host, voluntary, "Member M", group: ProfessionalGroup.MoneyAdviser, capacity: 20,
            helpsWith: [DeterminantArea.MoneyDebtAndBenefits, DeterminantArea.Housing], languages: ["English", "Portuguese"], neighbourhoods: ["Central", "South"]);
        var peer = await Member(host, voluntary, "Member P", group: ProfessionalGroup.PeerSupportWorker, capacity: 15,
            helpsWith: [DeterminantArea.Loneliness], neighbourhoods: ["North"]);
        var nurse = await Member(host, primary, "Member N", group: ProfessionalGroup.Nurse, capacity: 20,
            helpsWith: [DeterminantArea.PhysicalHealth], neighbourhoods: ["Central"]);
        var away = await Member(host, voluntary, "Member W", group: ProfessionalGroup.MoneyAdviser, capacity: 20, away: true,
            helpsWith: [DeterminantArea.MoneyDebtAndBenefits], languages: ["Portuguese"], neighbourhoods: ["Central"]);
        var elsewhere = await TriagedReferral(host);
        (await host.SendAsPractitioner(new OfferHandoff(elsewhere.Id, money.Id, CareTeamRole.Involved, "Joining for the benefits claim."), money.Id))
            .ShouldBe(OfferHandoffResult.JoinedCareTeam);

        var referral = await TriagedReferral(host);
        await host.SendAsPractitioner(new SaveRoutingPreferences(referral.Id, "Central", "Portuguese", false, null, [], false));
        var conversationId = await host.SendAsPractitioner(new StartConversation(referral.Id));
        var token = (await host.WithDb(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId))).ConcurrencyToken;
        var content = new ConversationContent
        {
            WhatMatters = "Keeping the flat",
            Needs = [new DeterminantNeed(DeterminantArea.MoneyDebtAndBenefits, "Rent arrears letters", null)],
        };
        (await host.SendAsPractitioner(new SaveConversation(conversationId, content, token, SaveIntent.SaveDraft))).Saved.ShouldBeTrue();

        var page = await host.SendAsPractitioner(new GetRoutingSuggestions(referral.Id));

        page.Needs.ShouldBe([DeterminantArea.MoneyDebtAndBenefits]);
        page.FromConversation.ShouldBeTrue();
        page.Members.Select(m => m.MemberId).ShouldBe([money.Id, nurse.Id, peer.Id]);
        var first = page.Members[0];
        first.Reason.ShouldContain("money adviser");
        first.Reason.ShouldContain("of 20 cases");
        first.Reason.ShouldBe("speaks Portuguese; money adviser; works in Central; 1 of 20 cases");
        (first.Name, first.Sector).ShouldBe(("Member M", Sector.Voluntary));
        page.Members[1].Reason.ShouldBe("does not speak Portuguese; works in Central; 0 of 20 cases");
        page.Members.ShouldNotContain(m => m.MemberId == away.Id);
        page.Everyone.ShouldNotContain(m => m.MemberId == away.Id);
        page.CareTeam.ShouldBeEmpty();
    }
}
