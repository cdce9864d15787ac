using Hub.Domain.Conversations;
using Hub.Domain.SupportPlans;

namespace Hub.Application.SupportPlans;

/// <summary>
/// The first draft of a plan, from what the person already said, so they never start from a blank
/// page: their own words about what matters, their goals with the baseline rating, what would help
/// with each need as a step, and their safety plan as what helps when they are struggling.
/// </summary>
public static class PlanDrafting
{
    public static PlanContent FromConversation(ConversationContent conversation, DateOnly ratedOn) => new()
    {
        WhatMattersToMe = conversation.WhatMatters,
        Goals = conversation.Goals.Select(g => new PlanGoal(g.Text, g.Rating is { } r ? [new GoalRating(ratedOn, r)] : [])).ToList(),
        Steps = conversation.Needs.Where(n => !string.IsNullOrWhiteSpace(n.WhatWouldHelp))
            .Select(n => new PlanStep(n.WhatWouldHelp!, [])).ToList(),
        WhenStruggling = string.Join("\n\n", new[]
        {
            conversation.SafetyPlan.WarningSigns is { } signs ? "Signs things are getting harder: " + signs : null,
            conversation.SafetyPlan.WhatHelps is { } helps ? "What helps: " + helps : null,
            conversation.SafetyPlan.PeopleAndPlaces is { } people ? "People and places: " + people : null,
            conversation.SafetyPlan.MakingThingsSafer is { } safer ? "Making things safer: " + safer : null,
            conversation.SafetyPlan.ProfessionalContacts is { } contacts ? "Professionals I can contact: " + contacts : null,
        }.OfType<string>()) is { Length: > 0 } text ? text : null,
    };

    /// <summary>The numbers every plan shows, whatever the person adds: urgent help is never more than a glance away.</summary>
    public static IReadOnlyList<ContactNumber> UrgentNumbers { get; } =
    [
        new("Emergency (if your life or someone else's is in danger)", "999"),
        new("NHS 111, then choose option 2 for mental health", "111"),
        new("Samaritans, any time, day or night", "116 123"),
    ];
}
