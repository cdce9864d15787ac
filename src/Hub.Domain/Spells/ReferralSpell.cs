using Hub.Domain.Common;

namespace Hub.Domain.Spells;

/// <summary>
/// A referral spell as MHSDS defines it: it starts at the first referral and carries on while any
/// referral in it is open. A new referral arriving while it is open, or within
/// <see cref="RejoinWindow"/> of its end, joins it, so people come back in easily.
/// </summary>
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

    /// <summary>When a meaningful assessment (a completed first conversation) was first recorded.</summary>
    public DateTimeOffset? AssessedAt { get; private set; }

    /// <summary>When a baseline outcome measure was first recorded.</summary>
    public DateTimeOffset? BaselineMeasuredAt { get; private set; }

    /// <summary>When a care plan was agreed or an intervention began.</summary>
    public DateTimeOffset? CarePlanAgreedAt { get; private set; }

    /// <summary>
    /// The four-week clock stops when the spell has all three: a meaningful assessment, a baseline
    /// outcome measure and an agreed care plan or intervention. Null while it is still running.
    /// </summary>
    public DateTimeOffset? ClockStoppedAt =>
        AssessedAt is { } a && BaselineMeasuredAt is { } b && CarePlanAgreedAt is { } c ? new[] { a, b, c }.Max() : null;

    public void RecordAssessment(DateTimeOffset at) => AssessedAt ??= at;

    public void RecordBaselineMeasure(DateTimeOffset at) => BaselineMeasuredAt ??= at;

    public void RecordCarePlanAgreed(DateTimeOffset at) => CarePlanAgreedAt ??= at;

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
    }

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
