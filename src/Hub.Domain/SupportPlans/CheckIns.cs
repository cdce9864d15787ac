using Hub.Domain.Common;

namespace Hub.Domain.SupportPlans;

/// <summary>How the person is feeling between contacts: a simple scale and a few words of their own.</summary>
public sealed class MoodCheckIn
{
    public const int Lowest = 1;
    public const int Highest = 5;
    public const int WordsMaxLength = 500;

    private MoodCheckIn() { }

    public MoodCheckIn(Guid personId, Guid planId, int mood, string? words, DateTimeOffset at)
    {
        if (mood is < Lowest or > Highest)
        {
            throw new DomainRuleException("Choose how you feel from 1 to 5.");
        }
        PersonId = personId;
        PlanId = planId;
        Mood = mood;
        Words = TextRules.Clean(words);
        At = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PersonId { get; private set; }
    public Guid PlanId { get; private set; }

    /// <summary>1 (very low) to 5 (very good).</summary>
    public int Mood { get; private set; }
    public string? Words { get; private set; }
    public DateTimeOffset At { get; private set; }

    public static string Describe(int mood) => mood switch
    {
        1 => "Very low",
        2 => "Low",
        3 => "Okay",
        4 => "Good",
        5 => "Very good",
        _ => mood.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>A note a member of staff chose to share with the person; it shows in their plan. Staff-only notes never do.</summary>
public sealed class SharedNote
{
    public const int TextMaxLength = 2000;

    private SharedNote()
    {
        Text = string.Empty;
    }

    public SharedNote(Guid planId, Guid personId, string text, Guid byUserId, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Write the note.");
        }
        PlanId = planId;
        PersonId = personId;
        Text = text.Trim();
        ByUserId = byUserId;
        At = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PlanId { get; private set; }
    public Guid PersonId { get; private set; }
    public string Text { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
}
