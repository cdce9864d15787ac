using Hub.Domain.Contacts;
using Hub.Domain.Outcomes;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;

namespace Hub.Application.Figures;

/// <summary>A referral received in the period. <paramref name="IsReturn"/>: the first referral of a spell that follows one which ended within six months.</summary>
public sealed record ReferralFact(Guid ReferralId, Guid PersonId, Guid SpellId, DateTimeOffset ReceivedAt, ReferralSource Source, bool IsReturn, PersonTraits Person);

/// <summary>A contact held in the period, attended or not.</summary>
public sealed record ContactFact(Guid ContactId, Guid PersonId, Guid SpellId, DateTimeOffset At, ContactMedium Medium, ContactPlace Place, bool Attended, PersonTraits Person);

/// <summary>A spell that ended in the period, with the care team's reason (none when it ended at triage).</summary>
public sealed record ClosureFact(Guid SpellId, Guid PersonId, DateTimeOffset EndedAt, SpellClosureReason? Reason, PersonTraits Person);

/// <summary>
/// A four-week clock that finished in the period: stopped (assessment, baseline measure and agreed
/// plan all recorded) or the spell ended before it stopped.
/// </summary>
public sealed record WaitFact(Guid SpellId, Guid PersonId, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, bool Stopped, PersonTraits Person);

/// <summary>A spell whose clock is still running now, whatever the period.</summary>
public sealed record RunningWaitFact(Guid SpellId, Guid PersonId, DateTimeOffset StartedAt, PersonTraits Person);

/// <summary>
/// One scale of one measure, paired: the spell's baseline against its latest follow-up taken in the
/// period, on spells with two or more attended contacts.
/// </summary>
public sealed record OutcomeFact(Guid SpellId, Guid PersonId, string MeasureCode, string ScaleCode, decimal Baseline, decimal FollowUp, ChangeCategory Category, DateTimeOffset At, PersonTraits Person)
{
    public decimal Change => FollowUp - Baseline;
}

/// <summary>Everything the figures for one filter are counted from, loaded in a fixed number of queries.</summary>
public sealed record HubFacts(
    FigureFilter Filter,
    DateTimeOffset Now,
    IReadOnlyList<ReferralFact> Referrals,
    IReadOnlyList<ContactFact> Contacts,
    IReadOnlyList<ClosureFact> Closures,
    IReadOnlyList<WaitFact> Waits,
    IReadOnlyList<RunningWaitFact> Running,
    IReadOnlyList<OutcomeFact> Outcomes)
{
    /// <summary>Connect and Do's volunteering counts for the same filter (not about anyone known to the hub).</summary>
    public VolunteeringFacts Volunteering { get; init; } = VolunteeringFacts.NotCounted;
}
