using Hub.Domain.Common;

namespace Hub.Domain.Space;

/// <summary>
/// Someone's personal space on the community side (docs/decisions/040): found by the keyed hash of the
/// email address or mobile number they sign in with, and nothing else about them. It is made the first
/// time a sign-in link is used. It is connected to a person the hub knows only when that person
/// chooses it, signed in to both their plan and their space; only then do their goals and mood
/// check-ins show in their support plan. Disconnecting stops that at once.
/// </summary>
public sealed class SpaceMember
{
    private SpaceMember()
    {
        AddressKey = string.Empty;
    }

    public SpaceMember(string addressKey, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(addressKey))
        {
            throw new DomainRuleException("A space needs the key of its address.");
        }
        AddressKey = addressKey;
        CreatedAt = LastSignedInAt = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string AddressKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSignedInAt { get; private set; }

    /// <summary>The person in the hub this space shares with, by their own choice; null when it shares with nobody.</summary>
    public Guid? ConnectedPersonId { get; private set; }
    public DateTimeOffset? ConnectedAt { get; private set; }
    public DateTimeOffset? DisconnectedAt { get; private set; }

    internal void SignedIn(DateTimeOffset at) => LastSignedInAt = at > LastSignedInAt ? at : LastSignedInAt;

    /// <summary>The person chose to share this space with their support plan.</summary>
    public void ConnectTo(Guid personId, DateTimeOffset at)
    {
        if (personId == Guid.Empty)
        {
            throw new DomainRuleException("Connect a space to a person.");
        }
        ConnectedPersonId = personId;
        ConnectedAt = at;
        DisconnectedAt = null;
    }

    /// <summary>The person stopped sharing: nothing from the space shows in the plan from now on.</summary>
    public bool Disconnect(DateTimeOffset at)
    {
        if (ConnectedPersonId is null)
        {
            return false;
        }
        ConnectedPersonId = null;
        DisconnectedAt = at;
        return true;
    }
}
