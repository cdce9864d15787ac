using Hub.Domain.Common;

namespace Hub.Domain.Directory;

/// <summary>
/// An administrator's invitation to a new staff account: a one-time link to set the first password,
/// minted when its email goes (only the hash is kept) and lasting <see cref="Lifetime"/> from then.
/// Inviting the same account again withdraws the earlier link.
/// </summary>
public sealed class StaffInvitation : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private StaffInvitation()
    {
    }

    /// <summary>A pending invitation: its hash is of random bytes nobody holds until the email mints the link.</summary>
    public static StaffInvitation Pending(Guid userId, Guid? invitedBy, DateTimeOffset at) => new()
    {
        UserId = userId,
        InvitedBy = invitedBy,
        InvitedAt = at,
        TokenHash = OneTimeToken.Hash(OneTimeToken.New()),
        ExpiresAt = at + Lifetime,
    };

    /// <summary>The staff account (its Identity id) the invitation sets a password for.</summary>
    public Guid UserId { get; private set; }
    /// <summary>The administrator who invited them; null for the first administrator, invited by the operator's command.</summary>
    public Guid? InvitedBy { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public string? TokenHash { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>A new token as the email goes, lasting <see cref="Lifetime"/> from <paramref name="at"/>; null once used or withdrawn.</summary>
    public string? Mint(DateTimeOffset at)
    {
        if (TokenHash is null)
        {
            return null;
        }
        var token = OneTimeToken.New();
        TokenHash = OneTimeToken.Hash(token);
        ExpiresAt = at + Lifetime;
        return token;
    }

    public bool Works(string token, DateTimeOffset at) => TokenHash is not null && at < ExpiresAt && TokenHash == OneTimeToken.Hash(token);

    /// <summary>Spends the link as the password is set.</summary>
    public void Accept(DateTimeOffset at)
    {
        TokenHash = null;
        ExpiresAt = null;
        AcceptedAt = at;
        Version++;
    }

    /// <summary>Ends a link nobody used, when the account is invited again.</summary>
    public void Withdraw()
    {
        TokenHash = null;
        ExpiresAt = null;
        Version++;
    }
}
