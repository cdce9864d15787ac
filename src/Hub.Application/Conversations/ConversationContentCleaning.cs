using Hub.Domain.Common;
using Hub.Domain.Conversations;

namespace Hub.Application.Conversations;

/// <summary>Tidies what was typed before it is stored: trimmed text, empty rows and sections dropped.</summary>
public static class ConversationContentCleaning
{
    public static ConversationContent Cleaned(this ConversationContent c) => c with
    {
        WhatMatters = TextRules.Clean(c.WhatMatters),
        GoingWell = TextRules.Clean(c.GoingWell),
        Strengths = TextRules.Clean(c.Strengths),
        Resources = TextRules.Clean(c.Resources),
        PractitionerSummary = TextRules.Clean(c.PractitionerSummary),
        Network = c.Network.Select(m => m with { Name = TextRules.Clean(m.Name) ?? string.Empty, Relationship = TextRules.Clean(m.Relationship) }).ToList(),
        Dialog = c.Dialog
            .Select(kv => (kv.Key, Answer: new RatedAnswer(kv.Value.Rating, TextRules.Clean(kv.Value.Comment))))
            .Where(x => x.Answer.Rating is not null || x.Answer.Comment is not null)
            .ToDictionary(x => x.Key, x => x.Answer),
        Needs = c.Needs
            .Select(n => new DeterminantNeed(n.Area, TextRules.Clean(n.InTheirWords), TextRules.Clean(n.WhatWouldHelp)))
            .Where(n => n.InTheirWords is not null || n.WhatWouldHelp is not null)
            .ToList(),
        SafetyPlan = new SafetyPlan
        {
            WarningSigns = TextRules.Clean(c.SafetyPlan.WarningSigns),
            WhatHelps = TextRules.Clean(c.SafetyPlan.WhatHelps),
            PeopleAndPlaces = TextRules.Clean(c.SafetyPlan.PeopleAndPlaces),
            ProfessionalContacts = TextRules.Clean(c.SafetyPlan.ProfessionalContacts),
            MakingThingsSafer = TextRules.Clean(c.SafetyPlan.MakingThingsSafer),
        },
        Goals = c.Goals.Select(g => g with { Text = TextRules.Clean(g.Text) ?? string.Empty }).ToList(),
        OtherMeasures = c.OtherMeasures
            .Where(kv => kv.Value.Values.Any(v => v is not null))
            .ToDictionary(kv => kv.Key, kv => kv.Value),
    };
}
