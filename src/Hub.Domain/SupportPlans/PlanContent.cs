using Hub.Domain.Common;

namespace Hub.Domain.SupportPlans;

/// <summary>Who helps with a step: someone from the person's network, a care-team member, or a community offer.</summary>
public enum HelperKind
{
    NetworkPerson = 1,
    CareTeamMember = 2,
    CommunityOffer = 3,
}

/// <param name="Name">As the person calls them (network), or the member's or offer's name.</param>
/// <param name="ReferenceId">The member's or offer's id; null for someone from the network.</param>
public sealed record Helper(HelperKind Kind, string Name, Guid? ReferenceId);

/// <summary>One step towards a goal, in the person's words, with who helps.</summary>
public sealed record PlanStep(string Text, IReadOnlyList<Helper> Helpers);

/// <summary>A goal in the person's words with its Goal-Based Outcomes ratings over time (0 to 10).</summary>
public sealed record PlanGoal(string Text, IReadOnlyList<GoalRating> Ratings)
{
    public int? Latest => Ratings.Count == 0 ? null : Ratings[^1].Rating;
}

public sealed record GoalRating(DateOnly On, int Rating);

/// <summary>A number the person would call when struggling.</summary>
public sealed record ContactNumber(string Who, string Number);

/// <summary>
/// The person's support plan, in their own words: what matters to them, their goals, steps and who
/// helps, what helps when they are struggling (with the numbers they would call) and when to review.
/// </summary>
public sealed record PlanContent
{
    public string? WhatMattersToMe { get; init; }
    public IReadOnlyList<PlanGoal> Goals { get; init; } = [];
    public IReadOnlyList<PlanStep> Steps { get; init; } = [];
    public string? WhenStruggling { get; init; }
    public IReadOnlyList<ContactNumber> Numbers { get; init; } = [];
    public DateOnly? ReviewOn { get; init; }

    public static PlanContent Empty { get; } = new();

    /// <summary>
    /// The plan as the person has rewritten it. Goals keep their ratings while their words stay the
    /// same (a reworded goal is a new goal); a step names a helper only from <paramref name="allowedHelpers"/>
    /// (the person's own network, care team and agreed offers); with no helpers given, a step keeps
    /// those it had under the same words. Blank lines are dropped.
    /// </summary>
    public PlanContent RevisedByPerson(string? whatMatters, IReadOnlyList<string> goals, IReadOnlyList<string> steps,
        IReadOnlyList<Helper?>? stepHelpers, IReadOnlySet<Helper> allowedHelpers, string? whenStruggling, IReadOnlyList<ContactNumber> numbers, DateOnly? reviewOn) =>
        this with
        {
            WhatMattersToMe = TextRules.Clean(whatMatters),
            Goals = goals.Select(t => t.Trim()).Where(t => t.Length > 0)
                .Select(t => Goals.FirstOrDefault(g => g.Text == t) ?? new PlanGoal(t, [])).ToList(),
            Steps = steps.Select((text, i) => (Text: text.Trim(), Index: i)).Where(s => s.Text.Length > 0)
                .Select(s => stepHelpers is { } chosen
                    ? new PlanStep(s.Text, s.Index < chosen.Count && chosen[s.Index] is { } helper && allowedHelpers.Contains(helper) ? [helper] : [])
                    : Steps.FirstOrDefault(x => x.Text == s.Text) ?? new PlanStep(s.Text, [])).ToList(),
            WhenStruggling = TextRules.Clean(whenStruggling),
            Numbers = numbers.Where(n => !string.IsNullOrWhiteSpace(n.Who) || !string.IsNullOrWhiteSpace(n.Number))
                .Select(n => new ContactNumber(n.Who.Trim(), n.Number.Trim())).ToList(),
            ReviewOn = reviewOn,
        };
}
