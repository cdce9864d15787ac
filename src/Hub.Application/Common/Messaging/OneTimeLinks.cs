namespace Hub.Application.Common.Messaging;

/// <summary>
/// A kind of one-time link that a queued message carries only by id and that the sender mints as the
/// message goes (docs/decisions/030, 042): the plan link, the space's sign-in link, the volunteer's
/// invitation. The use case saves a pending link (its stored hash is of random bytes nobody holds)
/// and queues the message with the link's id and <see cref="PlanLinks.Placeholder"/> where the link
/// goes; the dispatcher asks each minter in turn for that id, and the one that holds it makes a new
/// token, keeps only its hash on the tracked entity and returns the path. The dispatcher saves that
/// hash, puts the link into the copy it sends and never into the table. A message whose link no
/// minter will mint (replaced, used, revoked, gone) is cancelled, not sent.
/// </summary>
/// <remarks>
/// To add a kind of link: give the entity a <c>Pending</c> constructor and a <c>Mint(at)</c> that
/// returns null when the link may no longer be used, then add a class implementing this interface
/// in the feature's folder; it is registered by scanning (Application's DependencyInjection).
/// </remarks>
public interface IOneTimeLinkMinter
{
    /// <summary>
    /// The path (with its new token) of the pending link with this id, minted at <paramref name="at"/>
    /// on an entity tracked by the hub's database context, unsaved; null when this kind holds no such
    /// link or the link may no longer be used.
    /// </summary>
    Task<string?> MintAsync(Guid linkId, DateTimeOffset at, CancellationToken cancellationToken);
}
