namespace Hub.Domain.Conversations;

/// <summary>
/// What was said in a strengths-based conversation. Free text is the person's own words unless the
/// field says otherwise (<see cref="PractitionerSummary"/> is the practitioner's). Nothing here is
/// a score that could gate help.
/// </summary>
public sealed record ConversationContent
{
    public string? WhatMatters { get; init; }
    public string? GoingWell { get; init; }
    public string? Strengths { get; init; }
    public string? Resources { get; init; }
    public IReadOnlyList<NetworkMember> Network { get; init; } = [];

    /// <summary>DIALOG answers by item code; an absent item is "not answered".</summary>
    public IReadOnlyDictionary<string, RatedAnswer> Dialog { get; init; } = new Dictionary<string, RatedAnswer>();

    public IReadOnlyList<DeterminantNeed> Needs { get; init; } = [];
    public SafetyPlan SafetyPlan { get; init; } = new();

    /// <summary>Up to three goals in the person's words with their Goal-Based Outcomes rating (baseline or review).</summary>
    public IReadOnlyList<Goal> Goals { get; init; } = [];

    /// <summary>Ratings of any further (for example licensed) measures, by measure code then item code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int?>> OtherMeasures { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, int?>>();

    /// <summary>The practitioner's summary, kept apart from the person's words.</summary>
    public string? PractitionerSummary { get; init; }

    /// <summary>
    /// The sections the practitioner said are complete (the task list's "Completed"). Kept with the
    /// content so a version shows what was finished; cleared when the content is carried forward.
    /// </summary>
    public IReadOnlyList<ConversationSection> CompletedSections { get; init; } = [];

    public static ConversationContent Empty { get; } = new();

    public bool HasAnyRating =>
        Dialog.Values.Any(a => a.Rating is not null) || Goals.Any(g => g.Rating is not null) || OtherMeasures.Values.Any(m => m.Values.Any(v => v is not null));
}

public sealed record RatedAnswer(int? Rating, string? Comment);

public enum RelationshipQuality
{
    Supportive = 1,
    Mixed = 2,
    Strained = 3,
}

public enum ContactFrequency
{
    Daily = 1,
    Weekly = 2,
    Monthly = 3,
    Rarely = 4,
}

/// <summary>Someone in the person's life, for the network map (ecomap).</summary>
public sealed record NetworkMember(string Name, string? Relationship, RelationshipQuality Quality, ContactFrequency Frequency, bool CouldJoinMeeting);

/// <summary>The wider things that affect mental health, asked about as needs, never as deficits.</summary>
public enum DeterminantArea
{
    MoneyDebtAndBenefits = 1,
    Housing = 2,
    WorkStudyOrVolunteering = 3,
    CaringResponsibilities = 4,
    PhysicalHealth = 5,
    Loneliness = 6,
    Safety = 7,
    AlcoholAndDrugs = 8,
    Discrimination = 9,
    ImmigrationOrLegalWorries = 10,
}

public sealed record DeterminantNeed(DeterminantArea Area, string? InTheirWords, string? WhatWouldHelp);

/// <summary>A collaborative safety plan in the person's words. It is a plan, not a risk assessment.</summary>
public sealed record SafetyPlan
{
    public string? WarningSigns { get; init; }
    public string? WhatHelps { get; init; }
    public string? PeopleAndPlaces { get; init; }
    public string? ProfessionalContacts { get; init; }
    public string? MakingThingsSafer { get; init; }

    public bool IsEmpty => WarningSigns is null && WhatHelps is null && PeopleAndPlaces is null && ProfessionalContacts is null && MakingThingsSafer is null;
}

public sealed record Goal(string Text, int? Rating);

public static class DeterminantAreas
{
    public static string Describe(this DeterminantArea area) => area switch
    {
        DeterminantArea.MoneyDebtAndBenefits => "Money, debt and benefits",
        DeterminantArea.Housing => "Housing",
        DeterminantArea.WorkStudyOrVolunteering => "Work, study or volunteering",
        DeterminantArea.CaringResponsibilities => "Caring for someone",
        DeterminantArea.PhysicalHealth => "Physical health",
        DeterminantArea.Loneliness => "Loneliness",
        DeterminantArea.Safety => "Feeling safe, including at home",
        DeterminantArea.AlcoholAndDrugs => "Alcohol and drugs",
        DeterminantArea.Discrimination => "Discrimination",
        DeterminantArea.ImmigrationOrLegalWorries => "Immigration or legal worries",
        _ => area.ToString(),
    };
}
