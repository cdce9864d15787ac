using FluentValidation;
using Hub.Application.Common.Validation;
using Hub.Application.Outcomes;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;

namespace Hub.Application.Conversations.SaveConversation;

/// <summary>
/// Rules for what a conversation may hold. Unanswered ratings are simply absent; a rating outside
/// its scale, oversize text or hidden characters get a message that says what to do.
/// </summary>
public sealed class ConversationContentValidator : AbstractValidator<ConversationContent>
{
    public const int WordsLimit = 4000;
    public const int NameLimit = 100;
    public const int GoalLimit = 500;
    public const int MaxNetworkMembers = 30;

    public ConversationContentValidator(IMeasureRegistry measures)
    {
        RuleFor(c => c.WhatMatters).SafeText("What matters", WordsLimit, multiline: true);
        RuleFor(c => c.GoingWell).SafeText("What is going well", WordsLimit, multiline: true);
        RuleFor(c => c.Strengths).SafeText("Strengths", WordsLimit, multiline: true);
        RuleFor(c => c.Resources).SafeText("Resources and connections", WordsLimit, multiline: true);
        RuleFor(c => c.PractitionerSummary).SafeText("Your summary", WordsLimit, multiline: true);

        RuleFor(c => c.Network.Count).LessThanOrEqualTo(MaxNetworkMembers).WithMessage($"A network map holds up to {MaxNetworkMembers} people").OverridePropertyName("Network");
        RuleForEach(c => c.Network).SetValidator(new NetworkMemberValidator());

        // One rule over the whole dictionary, so each failure is named by its item ("Dialog.mental-health").
        RuleFor(c => c.Dialog).Custom((dialog, context) =>
        {
            foreach (var (code, answer) in dialog)
            {
                var item = BuiltInMeasures.Dialog.Items.FirstOrDefault(i => i.Code == code);
                if (item is null)
                {
                    context.AddFailure($"Dialog.{code}", "That question is not part of DIALOG");
                    continue;
                }
                if (answer.Rating is { } rating && !item.Accepts(rating))
                {
                    context.AddFailure($"Dialog.{code}", $"Choose a rating from {item.Minimum} to {item.Maximum}, or leave it not answered");
                }
                if (TextLimits.Breaks(answer.Comment, 1000, multiline: true) is { } problem)
                {
                    context.AddFailure($"Dialog.{code}", "The comment " + problem);
                }
            }
        });

        RuleFor(c => c.Goals.Count).LessThanOrEqualTo(BuiltInMeasures.MaxGoals).WithMessage("Record up to three goals").OverridePropertyName("Goals");
        RuleForEach(c => c.Goals).ChildRules(goal =>
        {
            goal.RuleFor(g => g.Text).NotEmpty().WithMessage("Write the goal in the person's words before rating it");
            goal.RuleFor(g => (string?)g.Text).SafeText("The goal", GoalLimit, multiline: false);
            goal.RuleFor(g => g.Rating).InclusiveBetween(BuiltInMeasures.GboMinimum, BuiltInMeasures.GboMaximum)
                .WithMessage($"Choose a rating from {BuiltInMeasures.GboMinimum} to {BuiltInMeasures.GboMaximum}, or leave it not answered");
        });

        RuleFor(c => c.Needs).Must(n => n.Select(x => x.Area).Distinct().Count() == n.Count).WithMessage("Each life area appears once");
        RuleForEach(c => c.Needs).ChildRules(need =>
        {
            need.RuleFor(n => n.Area).IsInEnum().WithMessage("Choose a life area from the list");
            need.RuleFor(n => n.InTheirWords).SafeText("In their words", WordsLimit, multiline: true);
            need.RuleFor(n => n.WhatWouldHelp).SafeText("What would help", WordsLimit, multiline: true);
        });

        RuleFor(c => c.SafetyPlan.WarningSigns).SafeText("Warning signs", WordsLimit, multiline: true).OverridePropertyName("SafetyPlan.WarningSigns");
        RuleFor(c => c.SafetyPlan.WhatHelps).SafeText("What helps", WordsLimit, multiline: true).OverridePropertyName("SafetyPlan.WhatHelps");
        RuleFor(c => c.SafetyPlan.PeopleAndPlaces).SafeText("People and places", WordsLimit, multiline: true).OverridePropertyName("SafetyPlan.PeopleAndPlaces");
        RuleFor(c => c.SafetyPlan.ProfessionalContacts).SafeText("Professional contacts", WordsLimit, multiline: true).OverridePropertyName("SafetyPlan.ProfessionalContacts");
        RuleFor(c => c.SafetyPlan.MakingThingsSafer).SafeText("Making things safer", WordsLimit, multiline: true).OverridePropertyName("SafetyPlan.MakingThingsSafer");

        RuleFor(c => c.OtherMeasures).Custom((others, context) =>
        {
            foreach (var (code, ratings) in others)
            {
                var measure = measures.Find(code);
                if (measure is null)
                {
                    context.AddFailure($"OtherMeasures.{code}", "That measure is not available in this hub");
                    continue;
                }
                foreach (var (itemCode, rating) in ratings)
                {
                    var item = measure.Items.FirstOrDefault(i => i.Code == itemCode);
                    if (item is null || (rating is { } r && !item.Accepts(r)))
                    {
                        context.AddFailure($"OtherMeasures.{code}.{itemCode}",
                            item is null ? "That question is not part of the measure" : $"Choose a rating from {item.Minimum} to {item.Maximum}, or leave it not answered");
                    }
                }
            }
        });
    }
}

/// <summary>Someone in the network map: named, with how the relationship is and how often they are in touch.</summary>
public sealed class NetworkMemberValidator : AbstractValidator<NetworkMember>
{
    public NetworkMemberValidator()
    {
        RuleFor(m => m.Name).NotEmpty().WithMessage("Enter a name or description for each person, like \"Mum\" or \"neighbour\"");
        RuleFor(m => (string?)m.Name).SafeText("Name", ConversationContentValidator.NameLimit, multiline: false);
        RuleFor(m => m.Relationship).SafeText("Relationship", ConversationContentValidator.NameLimit, multiline: false);
        RuleFor(m => m.Quality).IsInEnum().WithMessage("Select whether the relationship is supportive, mixed or strained");
        RuleFor(m => m.Frequency).IsInEnum().WithMessage("Select how often they are in touch");
    }
}

/// <summary>The same text rules as <see cref="TextValidators"/>, for places a rule builder does not reach.</summary>
internal static class TextLimits
{
    public static string? Breaks(string? value, int max, bool multiline)
    {
        var clean = Domain.Common.TextRules.Clean(value);
        if (!Domain.Common.TextRules.FitsWithin(clean, max))
        {
            return $"must be {max:N0} characters or fewer";
        }
        return Domain.Common.TextRules.HasForbiddenCharacters(clean, multiline) ? "contains hidden characters we cannot store" : null;
    }
}

public sealed class SaveConversationValidator : AbstractValidator<SaveConversation>
{
    public SaveConversationValidator(IMeasureRegistry measures)
    {
        RuleFor(s => s.Intent).IsInEnum();
        RuleFor(s => s.Content).SetValidator(new ConversationContentValidator(measures));
    }
}
