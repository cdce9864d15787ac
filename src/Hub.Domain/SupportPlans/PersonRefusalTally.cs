namespace Hub.Domain.SupportPlans;

/// <summary>
/// How many times one kind of refusal on the person's side (a guessed link, another person's
/// suggestion) happened in one hour. The first of each hour also writes an audit row; the rest only
/// count here, so a flood of guesses adds one row an hour to the audit table, not one per guess.
/// </summary>
public sealed class PersonRefusalTally
{
    private PersonRefusalTally()
    {
        Kind = string.Empty;
    }

    public PersonRefusalTally(string kind, DateTimeOffset hour)
    {
        Kind = kind;
        Hour = hour;
        Count = 1;
    }

    public string Kind { get; private set; }
    public DateTimeOffset Hour { get; private set; }
    public int Count { get; private set; }

    public static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
}
