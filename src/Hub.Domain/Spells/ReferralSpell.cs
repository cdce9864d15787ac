using Hub.Domain.Common;

namespace Hub.Domain.Spells;

public enum SpellClosureReason
{
    GoalsMet = 1,
    PersonsChoice = 2,
    MovedToAnotherService = 3,
    MovedAway = 4,
    NotReachedAfterSeveralTries = 5,
}

public static class SpellClosureReasons
{
    public static string Describe(this SpellClosureReason reason) => reason switch
    {
        SpellClosureReason.GoalsMet => "Goals met",
        SpellClosureReason.PersonsChoice => "The person's choice",
        SpellClosureReason.MovedToAnotherService => "Moved to another service",
        SpellClosureReason.MovedAway => "Moved away",
        SpellClosureReason.NotReachedAfterSeveralTries => "Not reached after several tries",
        _ => reason.ToString(),
    };
}

/// <summary>
/// A referral spell as MHSDS defines it: it starts at the first referral and carries on while any
/// referral in it is open. A new referral arriving while it is open, or on any of the
/// <see cref="RejoinDays"/> UK calendar days after its end, joins it, so people come back in easily.
/// </summary>
public sealed class ReferralSpell : Entity
{
    /// <summary>
    /// A referral on the fifth UK calendar day after the spell ended still joins it, whatever the
    /// hour: days are counted by <see cref="UkCalendar"/>, not in 24-hour blocks.
    /// </summary>
    public const int RejoinDays = 5;

    /// <summary>
    /// The earliest end a spell can have and still be joined by a referral received at
    /// <paramref name="now"/>: the start of the UK day five days before today.
    /// </summary>
    public static DateTimeOffset JoinableIfEndedFrom(DateTimeOffset now) =>
        UkCalendar.StartOfDay(UkCalendar.DayOf(now).AddDays(-RejoinDays));

    private ReferralSpell() { }

    public ReferralSpell(Guid personId, DateTimeOffset startedAt)
    {
        PersonId = personId;
        StartedAt = startedAt;
    }

    public Guid PersonId { get; private set; }

    /// <summary>When the spell's first referral was received: the four-week clock starts here.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsOpen => EndedAt is null;

    /// <summary>The person's spell before this one, when they came back after it had ended: its plan and worker carry forward.</summary>
    public Guid? PreviousSpellId { get; private set; }

    /// <summary>Why the care team closed it; null while open or when it ended at triage.</summary>
    public SpellClosureReason? ClosureReason { get; private set; }
    public Guid? ClosedByUserId { get; private set; }

    /// <summary>What the care team and the person agreed at closing, in a line or two.</summary>
    public string? ClosureNote { get; private set; }

    /// <summary>Optimistic concurrency token, changed whenever the spell opens or closes.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>When the meaningful assessment (a completed first conversation) took place: the earliest recorded.</summary>
    public DateTimeOffset? AssessedAt { get; private set; }

    /// <summary>When the spell's first rated measure was taken (a conversation's ratings or a goal rating), from any source.</summary>
    public DateTimeOffset? BaselineMeasuredAt { get; private set; }

    /// <summary>
    /// The earliest of: the person agreeing their plan through their link, staff recording a care
    /// plan agreed with the person, and staff recording an intervention started.
    /// </summary>
    public DateTimeOffset? CarePlanAgreedAt { get; private set; }

    /// <summary>
    /// The four-week clock stops when the spell has all three: a meaningful assessment, a baseline
    /// outcome measure and an agreed care plan or intervention, at the latest of them. Null while it
    /// is still running. Stored, so waits that ended in a period are found through an index.
    /// </summary>
    public DateTimeOffset? ClockStoppedAt { get; private set; }

    /// <summary>A meaningful assessment took place at <paramref name="at"/>; an earlier one, recorded later, moves the date earlier.</summary>
    public void RecordAssessment(DateTimeOffset at)
    {
        AssessedAt = Earliest(AssessedAt, at);
        StopClockWhenComplete();
    }

    /// <summary>A rated measure was taken at <paramref name="at"/>: the baseline is the earliest, whichever arrives first.</summary>
    public void RecordBaselineMeasure(DateTimeOffset at)
    {
        BaselineMeasuredAt = Earliest(BaselineMeasuredAt, at);
        StopClockWhenComplete();
    }

    /// <summary>A care plan was agreed or an intervention began at <paramref name="at"/>; the earliest counts.</summary>
    public void RecordCarePlanAgreed(DateTimeOffset at)
    {
        CarePlanAgreedAt = Earliest(CarePlanAgreedAt, at);
        StopClockWhenComplete();
    }

    /// <summary>
    /// Staff record that a care plan was agreed with the person, or that an intervention started, on
    /// a UK day: not in the future and not before the spell started. The record is kept as its own
    /// row (the history); the spell's third clock condition takes the earliest date it has.
    /// </summary>
    public CareStart RecordCareStart(CareStartKind kind, DateOnly on, CarePlanAgreedHow? how, InterventionKind? intervention, string? note,
        Guid referralId, Guid byUserId, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("This spell has closed.");
        }
        if (on > UkCalendar.DayOf(now))
        {
            throw new DomainRuleException("The day cannot be in the future.");
        }
        if (on < UkCalendar.DayOf(StartedAt))
        {
            throw new DomainRuleException("The day cannot be before the spell started.");
        }
        var start = new CareStart(Id, PersonId, referralId, kind, on, how, intervention, note, byUserId, now);
        RecordCarePlanAgreed(UkCalendar.StartOfDay(on));
        return start;
    }

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset at) => current is { } c && c <= at ? c : at;

    /// <summary>
    /// The clock stops at the last of the three conditions, in whatever order they came; never before
    /// the spell started (a condition dated by its UK day may begin at that day's midnight).
    /// </summary>
    private void StopClockWhenComplete() =>
        ClockStoppedAt = AssessedAt is { } a && BaselineMeasuredAt is { } b && CarePlanAgreedAt is { } c ? new[] { a, b, c, StartedAt }.Max() : null;

    /// <summary>
    /// Whether a referral received at <paramref name="receivedAt"/> belongs to this spell under the
    /// MHSDS rule: while open, or up to and including the fifth UK calendar day after it ended.
    /// </summary>
    public bool Accepts(DateTimeOffset receivedAt) =>
        EndedAt is null || UkCalendar.DaysBetween(EndedAt.Value, receivedAt) <= RejoinDays;

    public void Join(DateTimeOffset receivedAt)
    {
        if (!Accepts(receivedAt))
        {
            throw new DomainRuleException("This spell ended more than five days before the referral.");
        }
        EndedAt = null;
        ClosureReason = null;
        ClosureNote = null;
        ClosedByUserId = null;
        Version = Guid.NewGuid();
        if (receivedAt < StartedAt)
        {
            StartedAt = receivedAt;
            StopClockWhenComplete();
        }
    }

    /// <summary>Ends the spell when its last open referral closes.</summary>
    public void End(DateTimeOffset at)
    {
        if (EndedAt is not null)
        {
            return;
        }
        EndedAt = at < StartedAt ? StartedAt : at;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Easy out: the care team closes the spell with the reason. Closing is a good, normal outcome;
    /// a new referral within <see cref="RejoinDays"/> UK days opens this same spell again.
    /// </summary>
    public void Close(SpellClosureReason reason, string? note, Guid byUserId, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("This spell is already closed.");
        }
        if (!Enum.IsDefined(reason))
        {
            throw new DomainRuleException("Choose why the spell is closing.");
        }
        End(at);
        ClosureReason = reason;
        ClosureNote = TextRules.Clean(note);
        ClosedByUserId = byUserId;
    }

    /// <summary>Links a new spell to the person's previous one, so their worker and plan are offered again.</summary>
    public void FollowOn(ReferralSpell previous)
    {
        if (previous.PersonId != PersonId || previous.Id == Id)
        {
            throw new DomainRuleException("A spell follows on only from an earlier spell of the same person.");
        }
        if (previous.EndedAt is not { } ended || ended > StartedAt)
        {
            throw new DomainRuleException("A spell follows on only from one that has ended before it.");
        }
        PreviousSpellId = previous.Id;
    }

    /// <summary>The most recent ended spell of the person before <paramref name="startedAt"/>, which a new spell follows on from.</summary>
    public static ReferralSpell? FindPrevious(IEnumerable<ReferralSpell> spellsOfPerson, DateTimeOffset startedAt) =>
        spellsOfPerson.Where(s => !s.IsOpen && s.StartedAt <= startedAt).OrderByDescending(s => s.EndedAt).FirstOrDefault();

    /// <summary>
    /// The spell a new referral joins among a person's spells, or null when a new spell must start.
    /// The most recent acceptable spell wins.
    /// </summary>
    public static ReferralSpell? FindSpellToJoin(IEnumerable<ReferralSpell> spellsOfPerson, DateTimeOffset receivedAt) =>
        spellsOfPerson
            .Where(s => s.StartedAt <= receivedAt && s.Accepts(receivedAt))
            .OrderByDescending(s => s.StartedAt)
            .FirstOrDefault();
}
