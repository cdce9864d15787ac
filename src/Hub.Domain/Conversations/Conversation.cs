using Hub.Domain.Common;

namespace Hub.Domain.Conversations;

public enum ConversationKind
{
    /// <summary>The first strengths-based conversation of a spell: its outcome ratings are the baseline.</summary>
    First = 1,
    /// <summary>A later conversation that repeats the measures and compares them with the baseline.</summary>
    Review = 2,
}

public enum ConversationStatus
{
    Draft = 1,
    Completed = 2,
}

/// <summary>
/// A strengths-based conversation with a person. Drafts are saved and resumed freely; completing
/// it creates version 1, and every edit after that a new version, so what was recorded and by whom
/// is never lost.
/// </summary>
public sealed class Conversation : Entity
{
    private Conversation()
    {
        Content = ConversationContent.Empty;
    }

    private Conversation(Guid personId, Guid spellId, Guid? referralId, ConversationKind kind, Guid? baselineId, ConversationContent content, Guid startedBy, DateTimeOffset at)
    {
        PersonId = personId;
        SpellId = spellId;
        ReferralId = referralId;
        Kind = kind;
        BaselineConversationId = baselineId;
        Content = content;
        Status = ConversationStatus.Draft;
        StartedByUserId = UpdatedByUserId = startedBy;
        StartedAt = UpdatedAt = at;
    }

    public static Conversation StartFirst(Guid personId, Guid spellId, Guid? referralId, Guid startedBy, DateTimeOffset at) =>
        new(personId, spellId, referralId, ConversationKind.First, null, ConversationContent.Empty, startedBy, at);

    /// <summary>
    /// Starts the first conversation of a spell that follows on from an earlier one: what the person
    /// said before is carried forward (tell it once) with every rating cleared, because this
    /// conversation's ratings are the new spell's baseline.
    /// </summary>
    public static Conversation StartFirstCarryingForward(Conversation earlier, Guid spellId, Guid? referralId, Guid startedBy, DateTimeOffset at)
    {
        if (earlier.Status != ConversationStatus.Completed)
        {
            throw new DomainRuleException("Only a completed conversation can be carried forward.");
        }
        if (earlier.SpellId == spellId)
        {
            throw new DomainRuleException("A spell's first conversation is carried forward from an earlier spell.");
        }
        var carried = WithRatingsCleared(earlier.Content);
        return new Conversation(earlier.PersonId, spellId, referralId, ConversationKind.First, null, carried, startedBy, at) { CarriedFromConversationId = earlier.Id };
    }

    private static ConversationContent WithRatingsCleared(ConversationContent content) => content with
    {
        Dialog = new Dictionary<string, RatedAnswer>(),
        Goals = content.Goals.Select(g => g with { Rating = null }).ToList(),
        OtherMeasures = new Dictionary<string, IReadOnlyDictionary<string, int?>>(),
        CompletedSections = [],
    };

    /// <summary>
    /// Starts a review of a completed conversation: the person's goals are carried forward (tell it
    /// once) with their ratings cleared, ready to be rated again.
    /// </summary>
    public static Conversation StartReview(Conversation baseline, Guid spellId, Guid startedBy, DateTimeOffset at)
    {
        if (baseline.Status != ConversationStatus.Completed)
        {
            throw new DomainRuleException("Only a completed conversation can be reviewed.");
        }
        var carried = WithRatingsCleared(baseline.Content);
        var baselineId = baseline.Kind == ConversationKind.First ? baseline.Id : baseline.BaselineConversationId;
        return new Conversation(baseline.PersonId, spellId, null, ConversationKind.Review, baselineId, carried, startedBy, at);
    }

    public Guid PersonId { get; private set; }
    public Guid SpellId { get; private set; }
    public Guid? ReferralId { get; private set; }
    public ConversationKind Kind { get; private set; }

    /// <summary>For a first conversation after a return, the earlier spell's conversation it started from.</summary>
    public Guid? CarriedFromConversationId { get; private set; }

    /// <summary>For a review, the first conversation whose ratings are the baseline.</summary>
    public Guid? BaselineConversationId { get; private set; }

    public ConversationStatus Status { get; private set; }
    public ConversationContent Content { get; private set; }

    /// <summary>0 while a first draft; 1 when completed; +1 for each edit after that.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>Optimistic concurrency token, changed on every save.</summary>
    public Guid ConcurrencyToken { get; private set; } = Guid.NewGuid();

    public DateTimeOffset StartedAt { get; private set; }
    public Guid StartedByUserId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedByUserId { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Saves a draft. After completion, use <see cref="Revise"/>.</summary>
    public void SaveDraft(ConversationContent content, Guid userId, DateTimeOffset at)
    {
        if (Status == ConversationStatus.Completed)
        {
            throw new DomainRuleException("This conversation is complete. Changes make a new version.");
        }
        Apply(content, userId, at);
    }

    /// <summary>
    /// Completes the conversation given whole (every section at once, as an import or the seeder
    /// does): each section counts as complete. Returns the first version.
    /// </summary>
    public ConversationVersion Complete(ConversationContent content, Guid userId, DateTimeOffset at)
    {
        if (Status == ConversationStatus.Completed)
        {
            throw new DomainRuleException("This conversation is already complete.");
        }
        Apply(content with { CompletedSections = ConversationSections.All }, userId, at);
        return MarkCompleted(at);
    }

    /// <summary>The sections not yet marked complete, in task list order.</summary>
    public IReadOnlyList<ConversationSection> IncompleteSections =>
        Status == ConversationStatus.Completed ? [] : ConversationSections.All.Except(Content.CompletedSections).ToList();

    /// <summary>
    /// Completes a conversation held section by section: only when every section is marked
    /// complete (a handler asks <see cref="IncompleteSections"/> first and says which are not).
    /// </summary>
    public ConversationVersion Complete(Guid userId, DateTimeOffset at)
    {
        if (Status == ConversationStatus.Completed)
        {
            throw new DomainRuleException("This conversation is already complete.");
        }
        if (IncompleteSections.Count > 0)
        {
            throw new DomainRuleException("Every section is completed before the conversation is.");
        }
        Apply(Content, userId, at);
        return MarkCompleted(at);
    }

    /// <summary>
    /// Saves one section (taken from <paramref name="posted"/>; the rest stays as it was). In a draft
    /// the practitioner also says whether the section is complete (null leaves that as it was); in a
    /// completed conversation the change is a new version, returned.
    /// </summary>
    public ConversationVersion? SaveSection(ConversationSection section, ConversationContent posted, bool? complete, Guid userId, DateTimeOffset at)
    {
        var content = Content.WithSection(section, posted);
        if (Status == ConversationStatus.Completed)
        {
            Apply(content, userId, at);
            VersionNumber++;
            return new ConversationVersion(Id, VersionNumber, Content, userId, at);
        }
        Apply(complete is { } done ? content.MarkedComplete(section, done) : content, userId, at);
        return null;
    }

    private ConversationVersion MarkCompleted(DateTimeOffset at)
    {
        Status = ConversationStatus.Completed;
        CompletedAt = at;
        VersionNumber = 1;
        return new ConversationVersion(Id, VersionNumber, Content, UpdatedByUserId, at);
    }

    /// <summary>Changes a completed conversation, keeping the earlier version as it was.</summary>
    public ConversationVersion Revise(ConversationContent content, Guid userId, DateTimeOffset at)
    {
        if (Status != ConversationStatus.Completed)
        {
            throw new DomainRuleException("A draft is saved, not revised.");
        }
        Apply(content with { CompletedSections = ConversationSections.All }, userId, at);
        VersionNumber++;
        return new ConversationVersion(Id, VersionNumber, Content, userId, at);
    }

    private void Apply(ConversationContent content, Guid userId, DateTimeOffset at)
    {
        if (content.Goals.Count > Outcomes.BuiltInMeasures.MaxGoals)
        {
            throw new DomainRuleException("A conversation holds up to three goals.");
        }
        Content = content;
        UpdatedAt = at;
        UpdatedByUserId = userId;
        ConcurrencyToken = Guid.NewGuid();
    }
}

/// <summary>A completed conversation as it stood after one save: kept forever, with its author.</summary>
public sealed class ConversationVersion
{
    private ConversationVersion()
    {
        Content = ConversationContent.Empty;
    }

    internal ConversationVersion(Guid conversationId, int number, ConversationContent content, Guid savedBy, DateTimeOffset savedAt)
    {
        ConversationId = conversationId;
        Number = number;
        Content = content;
        SavedByUserId = savedBy;
        SavedAt = savedAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ConversationId { get; private set; }
    public int Number { get; private set; }
    public ConversationContent Content { get; private set; }
    public Guid SavedByUserId { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }
}
