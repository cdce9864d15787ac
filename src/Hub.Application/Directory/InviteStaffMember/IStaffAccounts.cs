namespace Hub.Application.Directory.InviteStaffMember;

/// <summary>What became of the email an administrator invited.</summary>
public enum InvitedAccount
{
    /// <summary>A new staff account, no password yet.</summary>
    Made = 1,

    /// <summary>The account an earlier invitation made, still unused (no password, never signed in through single sign-on): invited again.</summary>
    InvitedAgain = 2,

    /// <summary>The email belongs to an account someone already signs in to, or to a volunteer's: refused.</summary>
    InUse = 3,

    /// <summary>Another invitation of the same address changed the account at the same moment: refused, theirs stands.</summary>
    Clashed = 4,
}

/// <summary>
/// Staff accounts on the hub's account store (Identity: the same password rules, lockout and
/// authenticator app for everyone). Implemented in Infrastructure.
/// </summary>
public interface IStaffAccounts
{
    /// <summary>
    /// The staff account for this email with exactly this role and organisation: made now, or an unused one
    /// from an earlier invitation brought up to date; with the address the account holds, where the link
    /// goes. <see cref="InvitedAccount.InUse"/> or <see cref="InvitedAccount.Clashed"/> (and no id) when
    /// the email already belongs to an account in use or to a volunteer, or another invitation changed it meanwhile.
    /// </summary>
    Task<(InvitedAccount Outcome, Guid? UserId, string? Email)> EnsureInvitedAccountAsync(string email, string displayName, string role, Guid? organisationId,
        CancellationToken cancellationToken);

    /// <summary>Whether someone already signs in to the account (a password set, or a single sign-on identity linked).</summary>
    Task<bool> IsInUseAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Sets the account's first password; the errors (too short, too common) in words for the member of staff when refused.</summary>
    Task<IReadOnlyList<string>> SetFirstPasswordAsync(Guid userId, string password, CancellationToken cancellationToken);
}
