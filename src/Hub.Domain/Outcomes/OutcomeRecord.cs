namespace Hub.Domain.Outcomes;

/// <summary>
/// One administration of one outcome measure, taken from a completed conversation: the ratings by
/// item (absent = not answered). Baselines come from the first conversation of a spell, follow-ups
/// from reviews; reports pair them.
/// </summary>
public sealed class OutcomeRecord
{
    private OutcomeRecord()
    {
        MeasureCode = string.Empty;
        Ratings = new Dictionary<string, int?>();
    }

    public OutcomeRecord(Guid personId, Guid spellId, Guid conversationId, string measureCode, bool isBaseline, DateTimeOffset at, IReadOnlyDictionary<string, int?> ratings)
    {
        PersonId = personId;
        SpellId = spellId;
        ConversationId = conversationId;
        MeasureCode = measureCode;
        IsBaseline = isBaseline;
        At = at;
        Ratings = ratings;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PersonId { get; private set; }
    public Guid SpellId { get; private set; }
    public Guid ConversationId { get; private set; }
    public string MeasureCode { get; private set; }
    public bool IsBaseline { get; private set; }
    public DateTimeOffset At { get; private set; }
    public IReadOnlyDictionary<string, int?> Ratings { get; private set; }
}
