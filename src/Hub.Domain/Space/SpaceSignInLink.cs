using Hub.Domain.Common;

namespace Hub.Domain.Space;

/// <summary>
/// A one-time link into someone's community space, asked for with an email address or mobile number
/// (docs/decisions/040). Built like the plan link (docs/decisions/015, 030): it is issued pending, the
/// message that carries it mints the token when it is sent, only the SHA-256 hash of the token is
/// stored, it works once and for <see cref="Lifetime"/>, and a newer link for the same address ends it.
/// It names the address only by its keyed hash, never by the address itself.
/// </summary>
public sealed class SpaceSignInLink
{
    /// <summary>Short: the link is for signing in now, not for keeping.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>Links asked for are counted per address, and per client, over this window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    public const int PerAddress = 3;
    public const int PerClient = 10;

    /// <summary>
    /// A link sent after an outing, inviting the person into their space to say how it went: read when
    /// they next look at their messages, not at once, so it lasts longer than one they asked for, and
    /// still far less than the 14 days of the old link that could only add a say (docs/decisions/041).
    /// </summary>
    public static readonly TimeSpan OutingInvitationLifetime = TimeSpan.FromDays(3);

    private SpaceSignInLink()
    {
        TokenHash = AddressKey = ClientKey = string.Empty;
    }

    private SpaceSignInLink(string addressKey, string clientKey, Guid formToken, Guid? followGroupId, DateTimeOffset at, Guid? outingId = null)
    {
        LandOnOutingId = outingId;
        AddressKey = addressKey;
        ClientKey = clientKey;
        FormToken = formToken;
        FollowGroupId = followGroupId;
        RequestedAt = at;
        ExpiresAt = at + LifetimeOf(outingId);
        TokenHash = OneTimeToken.Hash(OneTimeToken.New()); // of random bytes nobody holds, until minted
    }

    /// <summary>A link whose token does not exist yet: the sender mints it (<see cref="Mint"/>).</summary>
    public static SpaceSignInLink Pending(string addressKey, string clientKey, Guid formToken, Guid? followGroupId, DateTimeOffset at) =>
        new(addressKey, clientKey, formToken, followGroupId, at);

    /// <summary>
    /// A pending link sent after an outing to the address the person asked with: it signs in to their
    /// space (made then if they have none) and lands on that outing. One per outing (the outing's id is
    /// its form token); counted with the address's other links.
    /// </summary>
    public static SpaceSignInLink ForOuting(string addressKey, Guid outingId, DateTimeOffset at) =>
        new(addressKey, OutingClientKey, outingId, null, at, outingId);

    /// <summary>Stands for "sent after an outing" where a link asked for keeps the client's hash; no client's hash is ever this.</summary>
    public const string OutingClientKey = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The outing a link sent after it lands on once the person is signed in; null for a link they asked for.</summary>
    public Guid? LandOnOutingId { get; private set; }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The keyed hash of the normalised address (<c>SpaceAddressKeys</c>): finds the space, cannot be turned back into the address.</summary>
    public string AddressKey { get; private set; }

    /// <summary>SHA-256 of the client's network address, for the limit per client.</summary>
    public string ClientKey { get; private set; }

    /// <summary>The sign-in form's one-time token: the same form sent twice asks for one link.</summary>
    public Guid FormToken { get; private set; }

    /// <summary>A group the person pressed "Follow" on before signing in: followed once they are in.</summary>
    public Guid? FollowGroupId { get; private set; }

    public string TokenHash { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>
    /// Makes the token as the message goes: a new one each time (a retried send replaces the hash),
    /// valid for <see cref="Lifetime"/> from now. Null when the link may no longer be used.
    /// </summary>
    public string? Mint(DateTimeOffset at)
    {
        if (RevokedAt is not null || UsedAt is not null)
        {
            return null;
        }
        var token = OneTimeToken.New();
        TokenHash = OneTimeToken.Hash(token);
        ExpiresAt = at + LifetimeOf(LandOnOutingId);
        return token;
    }

    /// <summary>Why the link cannot be used now, or null when it can.</summary>
    public SpaceLinkProblem? ProblemAt(DateTimeOffset at) =>
        RevokedAt is not null ? SpaceLinkProblem.Replaced
        : UsedAt is not null ? SpaceLinkProblem.AlreadyUsed
        : at >= ExpiresAt ? SpaceLinkProblem.Expired
        : null;

    /// <summary>Uses the link for the space it names; the session that follows is the member's.</summary>
    public SpaceSession Use(SpaceMember member, DateTimeOffset at)
    {
        if (ProblemAt(at) is { } problem)
        {
            throw new DomainRuleException($"This link cannot be used: {problem}.");
        }
        if (member.AddressKey != AddressKey)
        {
            throw new DomainRuleException("This link is for another space.");
        }
        UsedAt = at;
        member.SignedIn(at);
        return new SpaceSession(member.Id, Id, at);
    }

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;

    private static TimeSpan LifetimeOf(Guid? outingId) => outingId is null ? Lifetime : OutingInvitationLifetime;
}

public enum SpaceLinkProblem
{
    Expired = 1,
    AlreadyUsed = 2,
    Replaced = 3,
}

/// <summary>
/// Signed in to a space from a link. The cookie carries only this session's id, checked on every
/// request: signing out ends it at once. Idle and absolute limits keep a shared phone from staying
/// signed in (hazard H43).
/// </summary>
public sealed class SpaceSession
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLimit = TimeSpan.FromHours(8);

    private SpaceSession() { }

    internal SpaceSession(Guid memberId, Guid linkId, DateTimeOffset at)
    {
        MemberId = memberId;
        LinkId = linkId;
        StartedAt = LastSeenAt = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid MemberId { get; private set; }
    public Guid LinkId { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsActiveAt(DateTimeOffset at) =>
        EndedAt is null && at - LastSeenAt < IdleLimit && at - StartedAt < AbsoluteLimit;

    public void Seen(DateTimeOffset at) => LastSeenAt = at > LastSeenAt ? at : LastSeenAt;

    public void End(DateTimeOffset at) => EndedAt ??= at;
}
