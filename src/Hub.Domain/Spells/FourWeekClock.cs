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
/// plan or intervention. Day 21 or more is at risk; more than 28 days has breached.
/// </summary>
public sealed record FourWeekClock(ClockState State, int DaysWaited, bool AtRisk, bool Breached, IReadOnlyList<string> Missing)
{
    public const int StandardDays = 28;
    public const int AtRiskFromDay = 21;

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
