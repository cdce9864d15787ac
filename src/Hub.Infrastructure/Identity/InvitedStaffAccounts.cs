using Microsoft.AspNetCore.Identity;

namespace Hub.Infrastructure.Identity;

/// <summary>What became of an identity from a single sign-on provider.</summary>
public enum ExternalIdentityOutcome
{
    /// <summary>Already linked to a staff account by the provider's subject.</summary>
    Known,

    /// <summary>Linked now to the invited account with the same verified email address; from now on found by subject.</summary>
    Linked,

    /// <summary>No staff account is waiting for this identity: nobody invited it, or its email is not verified.</summary>
    NotInvited,

    /// <summary>The account with that email is already linked to another identity at the same provider.</summary>
    LinkedToAnotherIdentity,
}

public sealed record ExternalIdentityMatch(ExternalIdentityOutcome Outcome, StaffUser? Member);

/// <summary>
/// Finds the staff account a single sign-on identity belongs to. There is no self-registration: an
/// identity reaches only an account an administrator already made, found by the provider's subject
/// (linked before) or, on a first sign-in, by a verified email address, which then links the subject.
/// </summary>
public sealed class InvitedStaffAccounts(UserManager<StaffUser> users)
{
    /// <param name="scheme">The provider's authentication scheme (the login provider Identity stores).</param>
    /// <param name="verifiedEmail">The identity's email address, only if the provider vouches for it; null otherwise.</param>
    public async Task<ExternalIdentityMatch> FindAsync(string scheme, string providerName, string subject, string? verifiedEmail)
    {
        if (await users.FindByLoginAsync(scheme, subject) is { } known)
        {
            return new(ExternalIdentityOutcome.Known, known);
        }
        if (string.IsNullOrWhiteSpace(verifiedEmail) || await users.FindByEmailAsync(verifiedEmail.Trim()) is not { } invited)
        {
            return new(ExternalIdentityOutcome.NotInvited, null);
        }
        if ((await users.GetLoginsAsync(invited)).Any(l => l.LoginProvider == scheme))
        {
            return new(ExternalIdentityOutcome.LinkedToAnotherIdentity, null);
        }
        var linked = await users.AddLoginAsync(invited, new UserLoginInfo(scheme, subject, providerName));
        return linked.Succeeded ? new(ExternalIdentityOutcome.Linked, invited) : new(ExternalIdentityOutcome.NotInvited, null);
    }
}
