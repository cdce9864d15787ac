using Hub.Domain.Common;

namespace Hub.Domain.Spells;

/// <summary>
/// A referral spell as MHSDS defines it: it starts at the first referral and carries on while any
/// referral in it is open. A new referral arriving while it is open, or within
/// <see cref="RejoinWindow"/> of its end, joins it, so people come back in easily.
/// </summary>
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

public sealed class ReferralSpell : Entity
{
    public static readonly TimeSpan RejoinWindow = TimeSpan.FromDays(5);

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

    /// <summary>When a meaningful assessment (a completed first conversation) was first recorded.</summary>
    public DateTimeOffset? AssessedAt { get; private set; }

    /// <summary>When a baseline outcome measure was first recorded.</summary>
    public DateTimeOffset? BaselineMeasuredAt { get; private set; }

    /// <summary>When a care plan was agreed or an intervention began.</summary>
    public DateTimeOffset? CarePlanAgreedAt { get; private set; }

    /// <summary>
    /// The four-week clock stops when the spell has all three: a meaningful assessment, a baseline
    /// outcome measure and an agreed care plan or intervention, at the latest of them. Null while it
    /// is still running. Stored, so waits that ended in a period are found through an index.
    /// </summary>
    public DateTimeOffset? ClockStoppedAt { get; private set; }

    public void RecordAssessment(DateTimeOffset at)
    {
        AssessedAt ??= at;
        StopClockWhenComplete();
    }

    public void RecordBaselineMeasure(DateTimeOffset at)
    {
        BaselineMeasuredAt ??= at;
        StopClockWhenComplete();
    }

    public void RecordCarePlanAgreed(DateTimeOffset at)
    {
        CarePlanAgreedAt ??= at;
        StopClockWhenComplete();
    }

    private void StopClockWhenComplete() =>
        ClockStoppedAt = AssessedAt is { } a && BaselineMeasuredAt is { } b && CarePlanAgreedAt is { } c ? new[] { a, b, c }.Max() : null;

    /// <summary>Whether a referral received at <paramref name="receivedAt"/> belongs to this spell under the MHSDS rule.</summary>
    public bool Accepts(DateTimeOffset receivedAt) =>
        EndedAt is null || receivedAt - EndedAt.Value <= RejoinWindow;

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
    /// a new referral within <see cref="RejoinWindow"/> opens this same spell again.
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
