using Hub.Domain.Common;
using Hub.Domain.Conversations;

namespace Hub.UnitTests.CareTeams;

/// <summary>A person who comes back after their spell ended does not tell their story again.</summary>
public sealed class CarryingForwardTests
{
    private static readonly DateTimeOffset Before = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Return = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid EarlierSpell = Guid.NewGuid();
    private static readonly Guid NewSpell = Guid.NewGuid();
    private static readonly Guid Practitioner = Guid.NewGuid();

    private static readonly ConversationContent Said = new()
    {
        WhatMatters = "My allotment and my grandson",
        GoingWell = "Sleeping better",
        Strengths = "Stubborn in a good way",
        Resources = "Library card",
        Network = [new NetworkMember("Jo", "Sister", RelationshipQuality.Supportive, ContactFrequency.Weekly, true)],
        Dialog = new Dictionary<string, RatedAnswer> { ["mental-health"] = new(3, "Some better days") },
        Needs = [new DeterminantNeed(DeterminantArea.Housing, "Damp flat", "A letter to the landlord")],
        SafetyPlan = new SafetyPlan { WarningSigns = "Not answering the phone", WhatHelps = "A walk with Jo" },
        Goals = [new Goal("Back on the allotment", 4), new Goal("See my grandson weekly", 6)],
        OtherMeasures = new Dictionary<string, IReadOnlyDictionary<string, int?>> { ["EXAMPLE"] = new Dictionary<string, int?> { ["first"] = 2 } },
    };

    private static Conversation CompletedEarlier()
    {
        var earlier = Conversation.StartFirst(Person, EarlierSpell, Guid.NewGuid(), Practitioner, Before);
        earlier.Complete(Said, Practitioner, Before.AddHours(1));
        return earlier;
    }

    [Fact]
    public void Should_carry_forward_the_persons_words_network_needs_safety_plan_and_goals()
    {
        var carried = Conversation.StartFirstCarryingForward(CompletedEarlier(), NewSpell, null, Practitioner, Return).Content;

        carried.WhatMatters.ShouldBe(Said.WhatMatters);
        carried.GoingWell.ShouldBe(Said.GoingWell);
        carried.Strengths.ShouldBe(Said.Strengths);
        carried.Resources.ShouldBe(Said.Resources);
        carried.Network.ShouldBe(Said.Network);
        carried.Needs.ShouldBe(Said.Needs);
        carried.SafetyPlan.ShouldBe(Said.SafetyPlan);
        carried.Goals.Select(g => g.Text).ShouldBe(["Back on the allotment", "See my grandson weekly"]);
    }

    [Fact]
    public void Should_clear_every_rating_so_the_new_spell_has_its_own_baseline()
    {
        var carried = Conversation.StartFirstCarryingForward(CompletedEarlier(), NewSpell, null, Practitioner, Return).Content;

        carried.Dialog.ShouldBeEmpty();
        carried.Goals.ShouldAllBe(g => g.Rating == null);
        carried.OtherMeasures.ShouldBeEmpty();
        carried.HasAnyRating.ShouldBeFalse();
    }

    [Fact]
    public void Should_start_a_first_conversation_draft_of_the_new_spell_linked_to_the_earlier_one()
    {
        var earlier = CompletedEarlier();
        var referral = Guid.NewGuid();

        var conversation = Conversation.StartFirstCarryingForward(earlier, NewSpell, referral, Practitioner, Return);

        conversation.Kind.ShouldBe(ConversationKind.First);
        conversation.Status.ShouldBe(ConversationStatus.Draft);
        conversation.VersionNumber.ShouldBe(0);
        conversation.CarriedFromConversationId.ShouldBe(earlier.Id);
        conversation.BaselineConversationId.ShouldBeNull();
        conversation.PersonId.ShouldBe(Person);
        conversation.SpellId.ShouldBe(NewSpell);
        conversation.ReferralId.ShouldBe(referral);
        conversation.StartedAt.ShouldBe(Return);
    }

    [Fact]
    public void Should_refuse_to_carry_forward_a_draft()
    {
        var draft = Conversation.StartFirst(Person, EarlierSpell, null, Practitioner, Before);
        draft.SaveDraft(Said, Practitioner, Before.AddMinutes(10));

        Should.Throw<DomainRuleException>(() => Conversation.StartFirstCarryingForward(draft, NewSpell, null, Practitioner, Return));
    }

    [Fact]
    public void Should_refuse_to_carry_forward_into_the_same_spell()
    {
        Should.Throw<DomainRuleException>(() => Conversation.StartFirstCarryingForward(CompletedEarlier(), EarlierSpell, null, Practitioner, Return));
    }
}
