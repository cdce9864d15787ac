using Hub.Domain.Common;

namespace Hub.Domain.CareTeams;

/// <summary>
/// A community offer the person agreed to try (a walking group, a money advice drop-in), recorded
/// on their spell so the care team and the support plan can point to it.
/// </summary>
public sealed class CommunityLink : Entity
{
    private CommunityLink() { }

    public CommunityLink(Guid spellId, Guid personId, Guid offerId, string? note, Guid agreedBy, DateTimeOffset at)
    {
        SpellId = spellId;
        PersonId = personId;
        OfferId = offerId;
        Note = TextRules.Clean(note);
        AgreedByUserId = agreedBy;
        AgreedAt = at;
    }

    public Guid SpellId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid OfferId { get; private set; }
    public string? Note { get; private set; }
    public Guid AgreedByUserId { get; private set; }
    public DateTimeOffset AgreedAt { get; private set; }
}
