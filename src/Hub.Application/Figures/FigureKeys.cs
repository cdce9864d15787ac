using Hub.Application.Common;
using Hub.Domain.Outcomes;
using Hub.Domain.Spells;

namespace Hub.Application.Figures;

/// <summary>
/// Names every count a figure shows, and says which facts each one counts. A key is
/// <c>measure:value</c>, for example <c>source:Self</c>, <c>dna:all</c> or <c>wait:within</c>;
/// an equity slice adds the group, <c>dna:all|AgeBand=18 to 24</c>. The figures count facts by key
/// and the drill-down lists the people behind a key, through the same functions, so a number and
/// its list can never disagree.
/// </summary>
public static class FigureKeys
{
    public const string All = "all";

    public static string Key(string measure, object value) => $"{measure}:{value}";

    public static string Slice(string key, EquityDimension dimension, string group) => $"{key}|{dimension}={group}";

    /// <summary>The Monday of the UK week an instant falls in: referrals are counted by week.</summary>
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(UkTime.ToLocal(at));
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(UkTime.ToLocal(at));

    /// <summary>Whole UK days a finished clock ran.</summary>
    public static int DaysWaited(WaitFact wait) => Math.Max(0, UkTime.DaysBetween(wait.StartedAt, wait.FinishedAt));

    public static int DaysWaiting(RunningWaitFact wait, DateTimeOffset now) => Math.Max(0, UkTime.DaysBetween(wait.StartedAt, now));

    /// <summary>Every key a fact counts towards, with the person it concerns and the day it happened (for age).</summary>
    public static IEnumerable<(string Key, Guid PersonId)> KeysOf(HubFacts facts)
    {
        foreach (var r in facts.Referrals)
        {
            foreach (var key in Sliced(ReferralKeys(r), r.Person, DayOf(r.ReceivedAt)))
            {
                yield return (key, r.PersonId);
            }
        }
        foreach (var c in facts.Contacts)
        {
            foreach (var key in Sliced(ContactKeys(c), c.Person, DayOf(c.At)))
            {
                yield return (key, c.PersonId);
            }
        }
        foreach (var c in facts.Closures)
        {
            foreach (var key in Sliced(ClosureKeys(c), c.Person, DayOf(c.EndedAt)))
            {
                yield return (key, c.PersonId);
            }
        }
        foreach (var w in facts.Waits)
        {
            foreach (var key in Sliced(WaitKeys(w), w.Person, DayOf(w.FinishedAt)))
            {
                yield return (key, w.PersonId);
            }
        }
        foreach (var w in facts.Running)
        {
            foreach (var key in Sliced(RunningKeys(w, facts.Now), w.Person, DayOf(facts.Now)))
            {
                yield return (key, w.PersonId);
            }
        }
        foreach (var o in facts.Outcomes)
        {
            foreach (var key in Sliced(OutcomeKeys(o), o.Person, DayOf(o.At)))
            {
                yield return (key, o.PersonId);
            }
        }
    }

    public static IEnumerable<string> ReferralKeys(ReferralFact r)
    {
        yield return Key("referred", All);
        yield return Key("source", r.Source);
        yield return Key("week", WeekOf(r.ReceivedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (r.IsReturn)
        {
            yield return Key("return", All);
        }
    }

    public static IEnumerable<string> ContactKeys(ContactFact c)
    {
        yield return Key("contact", All);
        yield return Key("medium", c.Medium);
        yield return Key("place", c.Place);
        yield return Key(c.Attended ? "attended" : "dna", All);
    }

    public static IEnumerable<string> ClosureKeys(ClosureFact c)
    {
        yield return Key("closed", All);
        yield return Key("closure", c.Reason?.ToString() ?? NoReason);
    }

    /// <summary>The closure "reason" of a spell that ended at triage, before any care team closed it.</summary>
    public const string NoReason = "EndedAtTriage";

    public static IEnumerable<string> WaitKeys(WaitFact w)
    {
        if (!w.Stopped)
        {
            yield return Key("wait", "ended");
            yield break;
        }
        yield return Key("wait", "stopped");
        yield return Key("wait", DaysWaited(w) <= FourWeekClock.StandardDays ? "within" : "over");
    }

    public static IEnumerable<string> RunningKeys(RunningWaitFact w, DateTimeOffset now)
    {
        var days = DaysWaiting(w, now);
        yield return Key("waiting", All);
        if (days > FourWeekClock.StandardDays)
        {
            yield return Key("waiting", "breached");
        }
        else if (days >= FourWeekClock.AtRiskFromDay)
        {
            yield return Key("waiting", "at-risk");
        }
    }

    public static IEnumerable<string> OutcomeKeys(OutcomeFact o)
    {
        var measure = OutcomeMeasure(o);
        yield return Key(measure, All);
        yield return Key(measure, o.Category);
    }

    /// <summary>"dialog" for DIALOG quality of life, "gbo" for any goal.</summary>
    public static string OutcomeMeasure(OutcomeFact o) => o.MeasureCode == BuiltInMeasures.DialogCode ? "dialog" : "gbo";

    private static IEnumerable<string> Sliced(IEnumerable<string> keys, PersonTraits person, DateOnly on)
    {
        var groups = EquityGroups.All.Select(d => (Dimension: d, Group: person.GroupOf(d, on))).ToList();
        foreach (var key in keys)
        {
            yield return key;
            foreach (var (dimension, group) in groups)
            {
                yield return Slice(key, dimension, group);
            }
        }
    }
}

/// <summary>Counts of facts and of distinct people for every key; built once per request.</summary>
public sealed class FigureTally
{
    private readonly Dictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    public FigureTally(HubFacts facts)
    {
        foreach (var (key, personId) in FigureKeys.KeysOf(facts))
        {
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = new Bucket();
            }
            bucket.Count++;
            if (key.StartsWith(PeopleCountedPrefix, StringComparison.Ordinal))
            {
                bucket.People.Add(personId);
            }
        }
    }

    /// <summary>How many facts count towards the key: referrals, contacts, closures, waits or paired scores.</summary>
    public int Count(string key) => buckets.TryGetValue(key, out var bucket) ? bucket.Count : 0;

    /// <summary>
    /// The keys whose different people are counted ("people seen"); every other figure counts facts.
    /// Keeping people only for these keeps a long period's tally small.
    /// </summary>
    public const string PeopleCountedPrefix = "attended:";

    /// <summary>How many different people are behind a key that starts with <see cref="PeopleCountedPrefix"/>.</summary>
    public int People(string key) =>
        key.StartsWith(PeopleCountedPrefix, StringComparison.Ordinal)
            ? buckets.TryGetValue(key, out var bucket) ? bucket.People.Count : 0
            : throw new ArgumentException($"Only keys starting '{PeopleCountedPrefix}' count people.", nameof(key));

    /// <summary>Every group of a dimension that appears anywhere in the facts.</summary>
    public IEnumerable<string> GroupsSeen(EquityDimension dimension)
    {
        var marker = $"|{dimension}=";
        return buckets.Keys.Where(k => k.Contains(marker, StringComparison.Ordinal))
            .Select(k => k[(k.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..]).Distinct(StringComparer.Ordinal);
    }

    /// <summary>The people behind a key, for the drill-down list.</summary>
    public static IReadOnlySet<Guid> PeopleBehind(HubFacts facts, string key) =>
        FigureKeys.KeysOf(facts).Where(k => k.Key == key).Select(k => k.PersonId).ToHashSet();

    private sealed class Bucket
    {
        public int Count;
        public readonly HashSet<Guid> People = [];
    }
}
