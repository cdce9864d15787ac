using Hub.Domain.Common;

namespace Hub.Domain.Spells;

/// <summary>What staff record to meet the four-week clock's third condition.</summary>
public enum CareStartKind
{
    /// <summary>A care plan agreed with the person (in person, by phone, by video or by letter or message).</summary>
    CarePlanAgreed = 1,
    /// <summary>An intervention started with the person.</summary>
    InterventionStarted = 2,
}

/// <summary>How the care plan was agreed with the person.</summary>
public enum CarePlanAgreedHow
{
    InPerson = 1,
    Phone = 2,
    Video = 3,
    LetterOrMessage = 4,
}

/// <summary>The kind of intervention that started.</summary>
public enum InterventionKind
{
    ContactBased = 1,
    CommunityOffer = 2,
    PeerSupport = 3,
    PsychologicalTherapy = 4,
    MoneyHousingOrEmploymentAdvice = 5,
    Other = 6,
}

public static class CareStartDescriptions
{
    public static string Describe(this CareStartKind kind) => kind switch
    {
        CareStartKind.CarePlanAgreed => "Care plan agreed with the person",
        CareStartKind.InterventionStarted => "Intervention started",
        _ => kind.ToString(),
    };

    public static string Describe(this CarePlanAgreedHow how) => how switch
    {
        CarePlanAgreedHow.InPerson => "In person",
        CarePlanAgreedHow.Phone => "By phone",
        CarePlanAgreedHow.Video => "By video",
        CarePlanAgreedHow.LetterOrMessage => "By letter or message",
        _ => how.ToString(),
    };

    public static string Describe(this InterventionKind kind) => kind switch
    {
        InterventionKind.ContactBased => "A contact-based intervention (talking support with the care team)",
        InterventionKind.CommunityOffer => "A community offer started",
        InterventionKind.PeerSupport => "Peer support started",
        InterventionKind.PsychologicalTherapy => "Psychological therapy",
        InterventionKind.MoneyHousingOrEmploymentAdvice => "Money, housing or employment advice",
        InterventionKind.Other => "Something else",
        _ => kind.ToString(),
    };
}

/// <summary>
/// Staff's record that a care plan was agreed with the person, or that an intervention started, on
/// a UK day. Each recording is its own row, so the history is kept; the spell takes the earliest.
/// Created only through <see cref="ReferralSpell.RecordCareStart"/>, which guards the day.
/// </summary>
public sealed class CareStart : Entity
{
    public const int MaxNoteLength = 500;

    private CareStart() { }

    internal CareStart(Guid spellId, Guid personId, Guid referralId, CareStartKind kind, DateOnly on, CarePlanAgreedHow? how, InterventionKind? intervention,
        string? note, Guid byUserId, DateTimeOffset recordedAt)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Choose what happened.");
        }
        if (kind == CareStartKind.CarePlanAgreed && (how is null || !Enum.IsDefined(how.Value)))
        {
            throw new DomainRuleException("Choose how the plan was agreed.");
        }
        if (kind == CareStartKind.InterventionStarted && (intervention is null || !Enum.IsDefined(intervention.Value)))
        {
            throw new DomainRuleException("Choose the kind of intervention.");
        }
        SpellId = spellId;
        PersonId = personId;
        ReferralId = referralId;
        Kind = kind;
        On = on;
        How = kind == CareStartKind.CarePlanAgreed ? how : null;
        Intervention = kind == CareStartKind.InterventionStarted ? intervention : null;
        Note = TextRules.Clean(note);
        RecordedByUserId = byUserId;
        RecordedAt = recordedAt;
    }

    public Guid SpellId { get; private set; }
    public Guid PersonId { get; private set; }

    /// <summary>The referral whose record it was entered on.</summary>
    public Guid ReferralId { get; private set; }

    public CareStartKind Kind { get; private set; }

    /// <summary>The UK day it happened (not the day it was typed in).</summary>
    public DateOnly On { get; private set; }

    public CarePlanAgreedHow? How { get; private set; }
    public InterventionKind? Intervention { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
