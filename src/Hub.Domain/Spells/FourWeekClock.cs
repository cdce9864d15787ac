using Hub.Domain.Common;

namespace Hub.Domain.Spells;

public enum ClockState
{
    /// <summary>Still waiting: some of assessment, baseline measure and plan are missing.</summary>
    Running = 1,
    /// <summary>All three exist; the wait ended when the last of them was recorded.</summary>
    Stopped = 2,
    /// <summary>The spell ended before all three existed (the person left, or was not reached).</summary>
    EndedBeforeStopping = 3,
}

/// <summary>
/// The four-week waiting standard for one spell: the clock starts at the spell's first referral and
/// stops when the spell has a meaningful assessment, a baseline outcome measure and an agreed care
/// plan or intervention. Days are UK calendar days (<see cref="UkCalendar"/>): days waited is the UK
/// date today minus the UK date the clock started. Day 28 is within the standard; day 21 to day 28
/// is at risk; day 29 or more has breached.
/// </summary>
public sealed record FourWeekClock(ClockState State, int DaysWaited, bool AtRisk, bool Breached, IReadOnlyList<string> Missing)
{
    public const int StandardDays = 28;
    public const int AtRiskFromDay = 21;

    /// <summary>The clock of a spell as it stands at <paramref name="now"/>, every date taken as a UK calendar day.</summary>
    public static FourWeekClock Of(ReferralSpell spell, DateTimeOffset now) =>
        For(UkCalendar.DayOf(spell.StartedAt), Day(spell.AssessedAt), Day(spell.BaselineMeasuredAt), Day(spell.CarePlanAgreedAt), Day(spell.EndedAt), UkCalendar.DayOf(now));

    private static DateOnly? Day(DateTimeOffset? at) => at is { } value ? UkCalendar.DayOf(value) : null;

    /// <summary>
    /// A running clock that started before this instant is at day 21 or more today: the start of
    /// the UK day 20 days before today (started on today-21 or earlier). Lets a database count
    /// exactly what <see cref="For"/> says of each row.
    /// </summary>
    public static DateTimeOffset AtRiskIfStartedBefore(DateOnly today) => UkCalendar.StartOfDay(today.AddDays(-(AtRiskFromDay - 1)));

    /// <summary>A running clock that started before this instant is past day 28 today (started on today-29 or earlier).</summary>
    public static DateTimeOffset BreachedIfStartedBefore(DateOnly today) => UkCalendar.StartOfDay(today.AddDays(-StandardDays));

    /// <param name="today">Today's date where the hub is (UK), for a clock still running.</param>
    public static FourWeekClock For(DateOnly started, DateOnly? assessed, DateOnly? baselineMeasured, DateOnly? planAgreed, DateOnly? ended, DateOnly today)
    {
        var missing = new List<string>();
        if (assessed is null) missing.Add("assessment");
        if (baselineMeasured is null) missing.Add("baseline measure");
        if (planAgreed is null) missing.Add("agreed plan");

        if (missing.Count == 0)
        {
            var stoppedOn = new[] { assessed!.Value, baselineMeasured!.Value, planAgreed!.Value }.Max();
            var waited = Math.Max(0, stoppedOn.DayNumber - started.DayNumber);
            return new FourWeekClock(ClockState.Stopped, waited, false, waited > StandardDays, missing);
        }
        if (ended is { } end)
        {
            var waited = Math.Max(0, end.DayNumber - started.DayNumber);
            return new FourWeekClock(ClockState.EndedBeforeStopping, waited, false, waited > StandardDays, missing);
        }
        var days = Math.Max(0, today.DayNumber - started.DayNumber);
        return new FourWeekClock(ClockState.Running, days, days >= AtRiskFromDay && days <= StandardDays, days > StandardDays, missing);
    }
}
