using Hub.Domain.Common;

namespace Hub.Domain.SupportPlans;

/// <summary>
/// A one-time sign-in link for the person to open their plan without a password. The token has 256
/// random bits and only its SHA-256 hash is stored; it works once, expires, and staff can revoke it.
/// Used, it becomes a <see cref="PersonSession"/>.
/// </summary>
public sealed class PlanAccessLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public const int TokenBytes = OneTimeToken.Bytes;

    private PlanAccessLink()
    {
        TokenHash = string.Empty;
    }

    private PlanAccessLink(Guid personId, string tokenHash, Guid? issuedBy, DateTimeOffset at)
    {
        PersonId = personId;
        TokenHash = tokenHash;
        IssuedByUserId = issuedBy;
        IssuedAt = at;
        ExpiresAt = at + Lifetime;
    }

    /// <summary>Issues a link; the raw token is returned once, to be sent, and never stored.</summary>
    public static (PlanAccessLink Link, string Token) Issue(Guid personId, Guid? issuedBy, DateTimeOffset at)
    {
        var token = OneTimeToken.New();
        return (new PlanAccessLink(personId, Hash(token), issuedBy, at), token);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PersonId { get; private set; }
    public string TokenHash { get; private set; }
    public Guid? IssuedByUserId { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Why a link cannot be used now, or null when it can.</summary>
    public LinkProblem? ProblemAt(DateTimeOffset at) =>
        RevokedAt is not null ? LinkProblem.Revoked
        : UsedAt is not null ? LinkProblem.AlreadyUsed
        : at >= ExpiresAt ? LinkProblem.Expired
        : null;

    public PersonSession Use(DateTimeOffset at)
    {
        if (ProblemAt(at) is { } problem)
        {
            throw new DomainRuleException($"This link cannot be used: {problem}.");
        }
        UsedAt = at;
        return new PersonSession(PersonId, Id, at);
    }

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;

    /// <summary>The stored form of a token: lower-case hex SHA-256 of its text.</summary>
    public static string Hash(string token) => OneTimeToken.Hash(token);
}

public enum LinkProblem
{
    Expired = 1,
    AlreadyUsed = 2,
    Revoked = 3,
}

/// <summary>
/// The person signed in from a link. The cookie carries only this session's id; ending it (the
/// person signs out, or staff revoke access) stops the cookie working at once.
/// </summary>
public sealed class PersonSession
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLimit = TimeSpan.FromHours(8);

    private PersonSession() { }

    internal PersonSession(Guid personId, Guid linkId, DateTimeOffset at)
    {
        PersonId = personId;
        LinkId = linkId;
        StartedAt = LastSeenAt = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PersonId { get; private set; }
    public Guid LinkId { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsActiveAt(DateTimeOffset at) =>
        EndedAt is null && at - LastSeenAt < IdleLimit && at - StartedAt < AbsoluteLimit;

    public void Seen(DateTimeOffset at) => LastSeenAt = at > LastSeenAt ? at : LastSeenAt;

    public void End(DateTimeOffset at) => EndedAt ??= at;
}
