using Hub.Domain.Common;
using Hub.Domain.Conversations;

namespace Hub.Domain.Directory;

/// <summary>What a member of staff does, whatever their organisation.</summary>
public enum ProfessionalGroup
{
    MentalHealthPractitioner = 1,
    Nurse = 2,
    Psychologist = 3,
    Psychiatrist = 4,
    SocialWorker = 5,
    PeerSupportWorker = 6,
    CommunityConnector = 7,
    MoneyAdviser = 8,
    HousingAdviser = 9,
    EmploymentAdviser = 10,
    Other = 99,
}

/// <summary>A worker's gender, only so that a person's preference for a worker's gender can be met.</summary>
public enum WorkerGender
{
    Woman = 1,
    Man = 2,
    NonBinary = 3,
}

/// <summary>
/// A member of the hub's care teams: the directory profile of one staff account (its id is the
/// account's id). Routing reads it to suggest who could help; it never allocates by itself.
/// </summary>
public sealed class TeamMember : Entity
{
    public const int MaxCapacity = 200;

    private TeamMember()
    {
        Name = string.Empty;
    }

    public TeamMember(Guid staffUserId, Guid teamId, string name, ProfessionalGroup group, int caseloadCapacity)
    {
        Id = staffUserId;
        TeamId = teamId;
        Name = RequireName(name);
        Group = group;
        CaseloadCapacity = RequireCapacity(caseloadCapacity);
    }

    public Guid TeamId { get; private set; }
    public string Name { get; private set; }
    public ProfessionalGroup Group { get; private set; }
    public string? JobTitle { get; private set; }
    public WorkerGender? Gender { get; private set; }

    /// <summary>The life areas this member helps with (money, housing …), for matching needs.</summary>
    public List<DeterminantArea> HelpsWith { get; private set; } = [];

    /// <summary>Skills and offers in plain words ("CBT for panic", "benefits appeals").</summary>
    public List<string> Skills { get; private set; } = [];

    public List<string> Languages { get; private set; } = [];
    public List<string> Neighbourhoods { get; private set; } = [];
    public List<DayOfWeek> WorkingDays { get; private set; } = [];
    public bool WorksEvenings { get; private set; }

    /// <summary>How many people this member can work with at once.</summary>
    public int CaseloadCapacity { get; private set; }

    /// <summary>Away (leave, sickness): not suggested for new work; existing work may be reallocated.</summary>
    public bool Away { get; private set; }

    /// <summary>Left the hub: kept for the history of care teams, never suggested.</summary>
    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsAvailable => !Away && LeftAt is null;

    public bool IsPeerWorker => Group == ProfessionalGroup.PeerSupportWorker;

    public void UpdateProfile(Guid teamId, string name, ProfessionalGroup group, string? jobTitle, WorkerGender? gender,
        IEnumerable<DeterminantArea> helpsWith, IEnumerable<string> skills, IEnumerable<string> languages, IEnumerable<string> neighbourhoods,
        IEnumerable<DayOfWeek> workingDays, bool worksEvenings, int caseloadCapacity)
    {
        // Check everything first: a refused update changes nothing.
        var checkedName = RequireName(name);
        var checkedCapacity = RequireCapacity(caseloadCapacity);
        TeamId = teamId;
        Name = checkedName;
        Group = group;
        JobTitle = TextRules.Clean(jobTitle);
        Gender = gender;
        HelpsWith = helpsWith.Distinct().Order().ToList();
        Skills = Tidy(skills);
        Languages = Tidy(languages);
        Neighbourhoods = Tidy(neighbourhoods);
        WorkingDays = workingDays.Distinct().Order().ToList();
        WorksEvenings = worksEvenings;
        CaseloadCapacity = checkedCapacity;
    }

    public void SetAway(bool away) => Away = away;

    public void Leave(DateTimeOffset at) => LeftAt ??= at;

    private static int RequireCapacity(int capacity) => capacity is < 0 or > MaxCapacity
        ? throw new DomainRuleException($"Caseload capacity must be between 0 and {MaxCapacity}.")
        : capacity;

    private static string RequireName(string? name) => string.IsNullOrWhiteSpace(name)
        ? throw new DomainRuleException("A member needs a name.")
        : name.Trim();

    private static List<string> Tidy(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

public static class ProfessionalGroups
{
    public static string Describe(this ProfessionalGroup group) => group switch
    {
        ProfessionalGroup.MentalHealthPractitioner => "Mental health practitioner",
        ProfessionalGroup.Nurse => "Nurse",
        ProfessionalGroup.Psychologist => "Psychologist",
        ProfessionalGroup.Psychiatrist => "Psychiatrist",
        ProfessionalGroup.SocialWorker => "Social worker",
        ProfessionalGroup.PeerSupportWorker => "Peer support worker",
        ProfessionalGroup.CommunityConnector => "Community connector",
        ProfessionalGroup.MoneyAdviser => "Money adviser",
        ProfessionalGroup.HousingAdviser => "Housing adviser",
        ProfessionalGroup.EmploymentAdviser => "Employment adviser",
        _ => "Other",
    };

    public static string Describe(this WorkerGender gender) => gender switch
    {
        WorkerGender.Woman => "Woman",
        WorkerGender.Man => "Man",
        WorkerGender.NonBinary => "Non-binary",
        _ => gender.ToString(),
    };

    public static string Describe(this Sector sector) => sector switch
    {
        Sector.Primary => "Primary care",
        Sector.Secondary => "Secondary care",
        Sector.Voluntary => "Voluntary and community",
        _ => sector.ToString(),
    };
}
