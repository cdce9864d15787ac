using Hub.Domain.Common;

namespace Hub.Domain.SupportPlans;

/// <summary>The part of a plan a suggestion is about.</summary>
public enum PlanSection
{
    WhatMattersToMe = 1,
    AddGoal = 2,
    AddStep = 3,
    WhenStruggling = 4,
    AddNumber = 5,
    ReviewDate = 6,
}

public enum SuggestionStatus
{
    Waiting = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>
/// A change a member of staff proposes to the person's plan. It never touches the plan until the
/// person accepts it; then only its own section changes. Suggestions add to what the person wrote
/// or replace a section they can see side by side first; they never overwrite silently.
/// </summary>
public sealed class PlanSuggestion
{
    public const int TextMaxLength = 2000;

    private PlanSuggestion()
    {
        Text = string.Empty;
    }

    public PlanSuggestion(Guid planId, Guid personId, PlanSection section, string text, string? extra, Guid byUserId, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Write the suggestion.");
        }
        if (section == PlanSection.ReviewDate && !DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            throw new DomainRuleException("A review date suggestion needs a date.");
        }
        PlanId = planId;
        PersonId = personId;
        Section = section;
        Text = text.Trim();
        Extra = TextRules.Clean(extra);
        SuggestedByUserId = byUserId;
        SuggestedAt = at;
        Status = SuggestionStatus.Waiting;
    }

    /// <summary>
    /// A step to go along to a Connect and Do group: the step names the group as who helps, so the
    /// person's plan can link to its public page. Like every suggestion it waits for the person.
    /// </summary>
    public static PlanSuggestion StepWithGroup(Guid planId, Guid personId, string text, Guid offerId, string offerName, Guid byUserId, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(offerName))
        {
            throw new DomainRuleException("Name the group.");
        }
        return new PlanSuggestion(planId, personId, PlanSection.AddStep, text, offerName, byUserId, at) { OfferId = offerId };
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PlanId { get; private set; }
    public Guid PersonId { get; private set; }
    public PlanSection Section { get; private set; }

    /// <summary>The suggested words (or, for a review date, the date as yyyy-MM-dd).</summary>
    public string Text { get; private set; }

    /// <summary>For a number to call: the number (the text says who it is); for a step with a group: the group's name.</summary>
    public string? Extra { get; private set; }

    /// <summary>For a step with a Connect and Do group: the group (a community offer) that helps.</summary>
    public Guid? OfferId { get; private set; }

    public Guid SuggestedByUserId { get; private set; }
    public DateTimeOffset SuggestedAt { get; private set; }
    public SuggestionStatus Status { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsWaiting => Status == SuggestionStatus.Waiting;

    public void Decline(DateTimeOffset at)
    {
        EnsureWaiting();
        Status = SuggestionStatus.Declined;
        AnsweredAt = at;
    }

    internal void MarkAccepted(DateTimeOffset at)
    {
        EnsureWaiting();
        Status = SuggestionStatus.Accepted;
        AnsweredAt = at;
    }

    /// <summary>The plan as it would be with this suggestion: one section changes, nothing else.</summary>
    public PlanContent ApplyTo(PlanContent plan) => Section switch
    {
        PlanSection.WhatMattersToMe => plan with { WhatMattersToMe = Text },
        PlanSection.AddGoal => plan with { Goals = [.. plan.Goals, new PlanGoal(Text, [])] },
        PlanSection.AddStep => plan with { Steps = [.. plan.Steps, new PlanStep(Text, OfferId is { } offer ? [new Helper(HelperKind.CommunityOffer, Extra ?? string.Empty, offer)] : [])] },
        PlanSection.WhenStruggling => plan with { WhenStruggling = Text },
        PlanSection.AddNumber => plan with { Numbers = [.. plan.Numbers, new ContactNumber(Text, Extra ?? string.Empty)] },
        PlanSection.ReviewDate => plan with { ReviewOn = DateOnly.Parse(Text, System.Globalization.CultureInfo.InvariantCulture) },
        _ => throw new DomainRuleException("Unknown part of the plan."),
    };

    private void EnsureWaiting()
    {
        if (Status != SuggestionStatus.Waiting)
        {
            throw new DomainRuleException("This suggestion has already been answered.");
        }
    }
}

public static class PlanSections
{
    public static string Describe(this PlanSection section) => section switch
    {
        PlanSection.WhatMattersToMe => "What matters to me",
        PlanSection.AddGoal => "A goal to add",
        PlanSection.AddStep => "A step to add",
        PlanSection.WhenStruggling => "What helps when I am struggling",
        PlanSection.AddNumber => "A number to add",
        PlanSection.ReviewDate => "Review date",
        _ => section.ToString(),
    };
}
