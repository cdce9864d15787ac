using Hub.Domain.Common;

namespace Hub.Domain.Conversations;

/// <summary>
/// The parts of a conversation, each held and saved on its own page, in the order the talk usually
/// goes. The practitioner says when each is complete; completing the conversation needs them all.
/// </summary>
public enum ConversationSection
{
    WhatMatters = 1,
    Strengths = 2,
    People = 3,
    Dialog = 4,
    LifeAreas = 5,
    SafetyPlan = 6,
    Goals = 7,
    Summary = 8,
}

/// <summary>Where a section stands, as the task list shows it.</summary>
public enum SectionProgress
{
    NotStarted = 1,
    InProgress = 2,
    Completed = 3,
}

public static class ConversationSections
{
    public static IReadOnlyList<ConversationSection> All { get; } = Enum.GetValues<ConversationSection>();

    public static string Describe(this ConversationSection section) => section switch
    {
        ConversationSection.WhatMatters => "What matters to them",
        ConversationSection.Strengths => "Strengths and connections",
        ConversationSection.People => "People in their life",
        ConversationSection.Dialog => "DIALOG ratings",
        ConversationSection.LifeAreas => "Money, housing, work and more",
        ConversationSection.SafetyPlan => "Safety plan",
        ConversationSection.Goals => "Goals",
        ConversationSection.Summary => "Your summary",
        _ => section.ToString(),
    };

    /// <summary>Whether anything has been recorded in the section.</summary>
    public static bool HasAnything(this ConversationContent c, ConversationSection section) => section switch
    {
        ConversationSection.WhatMatters => c.WhatMatters is not null || c.GoingWell is not null,
        ConversationSection.Strengths => c.Strengths is not null || c.Resources is not null,
        ConversationSection.People => c.Network.Count > 0,
        ConversationSection.Dialog => c.Dialog.Count > 0 || c.OtherMeasures.Count > 0,
        ConversationSection.LifeAreas => c.Needs.Count > 0,
        ConversationSection.SafetyPlan => !c.SafetyPlan.IsEmpty,
        ConversationSection.Goals => c.Goals.Count > 0,
        ConversationSection.Summary => c.PractitionerSummary is not null,
        _ => false,
    };

    /// <summary>
    /// Completed when the practitioner said so; otherwise in progress once anything is recorded. Not
    /// stored apart from the content: the "completed" marks travel with it (see ADR 028).
    /// </summary>
    public static SectionProgress ProgressOf(this ConversationContent c, ConversationSection section) =>
        c.CompletedSections.Contains(section) ? SectionProgress.Completed
        : c.HasAnything(section) ? SectionProgress.InProgress
        : SectionProgress.NotStarted;

    /// <summary>
    /// This content with <paramref name="section"/> taken from <paramref name="from"/> and every
    /// other section left as it was: a section page saves its own part and nothing else.
    /// </summary>
    public static ConversationContent WithSection(this ConversationContent c, ConversationSection section, ConversationContent from) => section switch
    {
        ConversationSection.WhatMatters => c with { WhatMatters = from.WhatMatters, GoingWell = from.GoingWell },
        ConversationSection.Strengths => c with { Strengths = from.Strengths, Resources = from.Resources },
        ConversationSection.People => c with { Network = from.Network },
        ConversationSection.Dialog => c with { Dialog = from.Dialog, OtherMeasures = from.OtherMeasures },
        ConversationSection.LifeAreas => c with { Needs = from.Needs },
        ConversationSection.SafetyPlan => c with { SafetyPlan = from.SafetyPlan },
        ConversationSection.Goals => c with { Goals = from.Goals },
        ConversationSection.Summary => c with { PractitionerSummary = from.PractitionerSummary },
        _ => throw new DomainRuleException("That is not a section of the conversation."),
    };

    /// <summary>
    /// The network with one person added (<paramref name="index"/> null), changed, or removed
    /// (<paramref name="member"/> null): the people section is kept one person at a time.
    /// </summary>
    public static ConversationContent WithNetworkChange(this ConversationContent c, int? index, NetworkMember? member)
    {
        var network = c.Network.ToList();
        if (index is { } i && (i < 0 || i >= network.Count))
        {
            throw new DomainRuleException("That person is no longer in the network map.");
        }
        switch (index, member)
        {
            case (null, null):
                break;
            case (null, { } added):
                network.Add(added);
                break;
            case ({ } at, null):
                network.RemoveAt(at);
                break;
            case ({ } at, { } changed):
                network[at] = changed;
                break;
        }
        return c with { Network = network };
    }

    /// <summary>
    /// A short fingerprint of one section as it stands (its words, ratings and completed mark). A
    /// page carries the one it was drawn from, so a colleague's save of another section is no
    /// conflict, while a save of this one since is.
    /// </summary>
    public static string StampOf(this ConversationContent c, ConversationSection section)
    {
        var part = ConversationContent.Empty.WithSection(section, c) with { CompletedSections = c.CompletedSections.Contains(section) ? [section] : [] };
        var json = System.Text.Json.JsonSerializer.Serialize(part);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)))[..16];
    }

    /// <summary>The content with the section marked complete, or not.</summary>
    public static ConversationContent MarkedComplete(this ConversationContent c, ConversationSection section, bool complete)
    {
        var marks = c.CompletedSections.Where(s => s != section);
        return c with { CompletedSections = (complete ? marks.Append(section) : marks).Order().ToList() };
    }
}
