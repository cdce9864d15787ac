using System.Security.Cryptography;
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
        var token = NewToken();
        return (new PlanAccessLink(personId, Hash(token), issuedBy, at), token);
    }

    /// <summary>
    /// Issues a link whose token does not exist yet: the message that carries it mints the token
    /// when it is sent (<see cref="Mint"/>), so no usable token waits in the outbox
    /// (docs/decisions/030). Until then its hash is of random bytes nobody holds.
    /// </summary>
    public static PlanAccessLink Pending(Guid personId, Guid? issuedBy, DateTimeOffset at) => new(personId, Hash(NewToken()), issuedBy, at);

    /// <summary>
    /// Makes the token at the moment the message is sent: a new one each time (a retried send
    /// replaces the hash, so only the token in the message that went counts), valid for
    /// <see cref="Lifetime"/> from now. Null when the link can no longer be used (revoked by a newer
    /// link or by staff, or already used): the message is then not sent.
    /// </summary>
    public string? Mint(DateTimeOffset at)
    {
        if (RevokedAt is not null || UsedAt is not null)
        {
            return null;
        }
        var token = NewToken();
        TokenHash = Hash(token);
        ExpiresAt = at + Lifetime;
        return token;
    }

    private static string NewToken() => OneTimeToken.New();

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PersonId { get; private set; }

    /// <summary>A link sent by text or email, or a code printed and handed over in person.</summary>
    public AccessKind Kind { get; private set; } = AccessKind.Link;

    /// <summary>For a printed code only: its first characters, which find it (not secret).</summary>
    public string? Handle { get; private set; }

    /// <summary>For a printed code only: wrong secrets typed with its handle; at <see cref="PrintedCode.MaxFailedTries"/> it locks.</summary>
    public int FailedTries { get; private set; }
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

    /// <summary>
    /// Prints a code for the person to type in (docs/decisions/031): a handle that finds it and a
    /// secret of 130 bits, stored hashed. Works once, for <see cref="PrintedCode.Lifetime"/>, and
    /// locks after <see cref="PrintedCode.MaxFailedTries"/> wrong secrets.
    /// </summary>
    public static (PlanAccessLink Code, string Printed) PrintCode(Guid personId, Guid issuedBy, DateTimeOffset at)
    {
        var handle = PrintedCode.Random(PrintedCode.HandleLength);
        var secret = PrintedCode.Random(PrintedCode.SecretLength);
        var code = new PlanAccessLink(personId, Hash(secret), issuedBy, at)
        {
            Kind = AccessKind.PrintedCode,
            Handle = handle,
            ExpiresAt = at + PrintedCode.Lifetime,
        };
        return (code, PrintedCode.Format(handle + secret));
    }

    /// <summary>True when <paramref name="secret"/> is this code's; a wrong one counts, and locks the code at the limit.</summary>
    public bool CheckSecret(string secret, DateTimeOffset at)
    {
        if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Hash(secret)), System.Text.Encoding.ASCII.GetBytes(TokenHash)))
        {
            return true;
        }
        FailedTries++;
        if (FailedTries >= PrintedCode.MaxFailedTries)
        {
            Revoke(at);
        }
        return false;
    }

    /// <summary>The stored form of a token: lower-case hex SHA-256 of its text.</summary>
    public static string Hash(string token) => OneTimeToken.Hash(token);
}

public enum AccessKind
{
    Link = 1,
    PrintedCode = 2,
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
