using Hub.Domain.Common;

namespace Hub.Domain.Space;

/// <summary>A goal in the person's own words, in their space; rated from 0 to 10 as often as they like.</summary>
public sealed class SpaceGoal
{
    public const int WordsMaxLength = 300;
    public const int MaxGoals = 20;

    private SpaceGoal()
    {
        Words = string.Empty;
    }

    public SpaceGoal(Guid memberId, string? words, DateTimeOffset at)
    {
        var cleaned = TextRules.Clean(words);
        if (cleaned is null)
        {
            throw new DomainRuleException("Write your goal in your own words.");
        }
        if (cleaned.Length > WordsMaxLength)
        {
            throw new DomainRuleException($"Your goal must be {WordsMaxLength} characters or fewer.");
        }
        MemberId = memberId;
        Words = cleaned;
        CreatedAt = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid MemberId { get; private set; }
    public string Words { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set when the person puts the goal away; it and its ratings are then no longer shown or shared.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public SpaceGoalRating Rate(int rating, DateTimeOffset at)
    {
        if (RemovedAt is not null)
        {
            throw new DomainRuleException("This goal has been removed.");
        }
        return new SpaceGoalRating(Id, MemberId, rating, at);
    }

    public void Remove(DateTimeOffset at) => RemovedAt ??= at;
}

/// <summary>How far along a goal feels, from 0 (not started) to 10 (where I want to be), at one moment.</summary>
public sealed class SpaceGoalRating
{
    public const int Lowest = 0;
    public const int Highest = 10;

    private SpaceGoalRating() { }

    internal SpaceGoalRating(Guid goalId, Guid memberId, int rating, DateTimeOffset at)
    {
        if (rating is < Lowest or > Highest)
        {
            throw new DomainRuleException("Choose a number from 0 to 10.");
        }
        GoalId = goalId;
        MemberId = memberId;
        Rating = rating;
        At = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid GoalId { get; private set; }
    public Guid MemberId { get; private set; }
    public int Rating { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>How the person feels, on the same simple five-point scale as the plan's check-ins, with words if they like. No scoring.</summary>
public sealed class SpaceMoodCheckIn
{
    public const int WordsMaxLength = 500;

    private SpaceMoodCheckIn() { }

    public SpaceMoodCheckIn(Guid memberId, int mood, string? words, DateTimeOffset at)
    {
        if (mood is < SupportPlans.MoodCheckIn.Lowest or > SupportPlans.MoodCheckIn.Highest)
        {
            throw new DomainRuleException("Choose how you feel from 1 to 5.");
        }
        var cleaned = TextRules.Clean(words);
        if (cleaned is { Length: > WordsMaxLength })
        {
            throw new DomainRuleException($"Your words must be {WordsMaxLength} characters or fewer.");
        }
        MemberId = memberId;
        Mood = mood;
        Words = cleaned;
        At = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid MemberId { get; private set; }

    /// <summary>1 (very low) to 5 (very good): <see cref="SupportPlans.MoodCheckIn.Describe"/>.</summary>
    public int Mood { get; private set; }
    public string? Words { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>A Connect and Do group the person follows from its public page. Never shared with the hub.</summary>
public sealed class SpaceFollow
{
    public const int MaxFollowed = 50;

    private SpaceFollow() { }

    public SpaceFollow(Guid memberId, Guid groupId, DateTimeOffset at)
    {
        MemberId = memberId;
        GroupId = groupId;
        FollowedAt = at;
    }

    public Guid MemberId { get; private set; }
    public Guid GroupId { get; private set; }
    public DateTimeOffset FollowedAt { get; private set; }
}
