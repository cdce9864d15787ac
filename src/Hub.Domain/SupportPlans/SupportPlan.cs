using Hub.Domain.Common;

namespace Hub.Domain.SupportPlans;

/// <summary>Who wrote a version of a plan: the person themselves, or a member of staff.</summary>
public enum PlanAuthor
{
    Person = 1,
    Staff = 2,
}

/// <summary>
/// A support plan that belongs to the person. Only the person changes their words; staff suggest
/// (<see cref="PlanSuggestion"/>) and the person accepts or declines. Every saved change is a new
/// version with its author, and a save against an older version is refused so nothing is lost.
/// </summary>
public sealed class SupportPlan : Entity
{
    private SupportPlan()
    {
        Content = PlanContent.Empty;
    }

    private SupportPlan(Guid personId, Guid spellId, PlanContent content, Guid createdBy, DateTimeOffset at)
    {
        PersonId = personId;
        SpellId = spellId;
        Content = content;
        ReviewOn = content.ReviewOn;
        VersionNumber = 1;
        UpdatedAt = at;
        UpdatedByAuthor = PlanAuthor.Staff;
        UpdatedByUserId = createdBy;
    }

    /// <summary>
    /// A first draft written with the person from what they said in their conversation (their words,
    /// goals and safety plan), for them to change and agree. Staff start it; it is theirs from then on.
    /// </summary>
    public static (SupportPlan Plan, PlanVersion Version) StartFromConversation(Guid personId, Guid spellId, PlanContent drafted, Guid staffUserId, DateTimeOffset at)
    {
        var plan = new SupportPlan(personId, spellId, drafted, staffUserId, at);
        return (plan, PlanVersion.Of(plan));
    }

    public Guid PersonId { get; private set; }
    public Guid SpellId { get; private set; }
    public PlanContent Content { get; private set; }
    public int VersionNumber { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public PlanAuthor UpdatedByAuthor { get; private set; }
    public Guid? UpdatedByUserId { get; private set; }

    /// <summary>When the person agreed the plan (it then counts for the four-week clock).</summary>
    public DateTimeOffset? AgreedAt { get; private set; }

    /// <summary>The review date from the content, kept as a column so the reminder job can find plans by it.</summary>
    public DateOnly? ReviewOn { get; private set; }

    /// <summary>The person asked to be reminded when their review date comes near.</summary>
    public bool RemindMe { get; private set; }

    /// <summary>The review date a reminder has already gone out for: one reminder per date, however often the job runs.</summary>
    public DateOnly? ReminderSentFor { get; private set; }

    public static readonly int RemindDaysBefore = 7;

    /// <summary>Whether a reminder is due today: a review date within the next week with no reminder sent for it yet.</summary>
    public bool ReminderDue(DateOnly today) =>
        ReviewOn is { } review && review >= today && review.DayNumber - today.DayNumber <= RemindDaysBefore && ReminderSentFor != review;

    public void MarkReminded() => ReminderSentFor = ReviewOn;

    public void SetRemindMe(bool remind) => RemindMe = remind;

    /// <summary>Changes with every saved version; a save must name the one it started from.</summary>
    public Guid Token { get; private set; } = Guid.NewGuid();

    /// <summary>The person saves their own words. Refused when someone saved since they started.</summary>
    public PlanVersion SaveByPerson(PlanContent content, Guid expectedToken, DateTimeOffset at)
    {
        EnsureCurrent(expectedToken);
        return Apply(content, PlanAuthor.Person, null, at);
    }

    /// <summary>The person accepts a staff suggestion: only that section changes, and the person is its author.</summary>
    public PlanVersion Accept(PlanSuggestion suggestion, DateTimeOffset at)
    {
        if (suggestion.PlanId != Id)
        {
            throw new DomainRuleException("That suggestion is for another plan.");
        }
        suggestion.MarkAccepted(at);
        return Apply(suggestion.ApplyTo(Content), PlanAuthor.Person, null, at);
    }

    /// <summary>The person rates a goal (0 to 10) today; earlier ratings are kept.</summary>
    public PlanVersion RateGoal(int goalIndex, int rating, DateOnly on, Guid expectedToken, DateTimeOffset at)
    {
        EnsureCurrent(expectedToken);
        if (goalIndex < 0 || goalIndex >= Content.Goals.Count)
        {
            throw new DomainRuleException("There is no such goal.");
        }
        if (rating is < 0 or > 10)
        {
            throw new DomainRuleException("A goal is rated from 0 to 10.");
        }
        var goals = Content.Goals.Select((g, i) => i == goalIndex
            ? g with { Ratings = g.Ratings.Where(r => r.On != on).Append(new GoalRating(on, rating)).OrderBy(r => r.On).ToList() }
            : g).ToList();
        return Apply(Content with { Goals = goals }, PlanAuthor.Person, null, at);
    }

    /// <summary>The person says this is their plan. Agreeing again changes nothing.</summary>
    public void Agree(DateTimeOffset at) => AgreedAt ??= at;

    private PlanVersion Apply(PlanContent content, PlanAuthor author, Guid? userId, DateTimeOffset at)
    {
        Content = content;
        ReviewOn = content.ReviewOn;
        VersionNumber++;
        UpdatedAt = at;
        UpdatedByAuthor = author;
        UpdatedByUserId = userId;
        Token = Guid.NewGuid();
        return PlanVersion.Of(this);
    }

    private void EnsureCurrent(Guid expectedToken)
    {
        if (expectedToken != Token)
        {
            throw new PlanChangedException();
        }
    }
}

/// <summary>Someone saved the plan since this change began: the caller shows both and lets the person choose.</summary>
public sealed class PlanChangedException() : Exception("The plan was changed while you were editing it.");

/// <summary>One saved version of a plan, exactly as it was, with its author.</summary>
public sealed class PlanVersion
{
    private PlanVersion()
    {
        Content = PlanContent.Empty;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PlanId { get; private set; }
    public int Number { get; private set; }
    public PlanContent Content { get; private set; }
    public PlanAuthor Author { get; private set; }
    public Guid? AuthorUserId { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal static PlanVersion Of(SupportPlan plan) => new()
    {
        PlanId = plan.Id,
        Number = plan.VersionNumber,
        Content = plan.Content,
        Author = plan.UpdatedByAuthor,
        AuthorUserId = plan.UpdatedByUserId,
        At = plan.UpdatedAt,
    };
}
