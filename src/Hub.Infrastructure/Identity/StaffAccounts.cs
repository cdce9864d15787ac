using Hub.Application.Common;
using Hub.Application.Directory.InviteStaffMember;
using Microsoft.AspNetCore.Identity;

namespace Hub.Infrastructure.Identity;

/// <summary>
/// Staff accounts made by an administrator's invitation (docs/decisions/055): one role, the member's
/// organisation, no password until they set one through the link. An email already in use (a password
/// set, a single sign-on identity linked) or belonging to a volunteer is never taken over.
/// </summary>
internal sealed class StaffAccounts(UserManager<StaffUser> users) : IStaffAccounts
{
    public async Task<(InvitedAccount Outcome, Guid? UserId, string? Email)> EnsureInvitedAccountAsync(string email, string displayName, string role,
        Guid? organisationId, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            var roles = await users.GetRolesAsync(existing);
            if (roles.Contains(Roles.Volunteer) || await InUseAsync(existing))
            {
                return (InvitedAccount.InUse, null, null);
            }
            // Never used: brought up to what the administrator asks for now.
            (existing.DisplayName, existing.OrganisationId) = (displayName, organisationId);
            if (Clashed(await users.UpdateAsync(existing), "update")
                || (roles.Where(r => r != role).ToList() is { Count: > 0 } others && Clashed(await users.RemoveFromRolesAsync(existing, others), "change the role of"))
                || (!roles.Contains(role) && Clashed(await users.AddToRoleAsync(existing, role), "give the role to")))
            {
                return (InvitedAccount.Clashed, null, null);
            }
            // The address the account holds, not the one typed: they differ only in case, or in letters the store folds together.
            return (InvitedAccount.InvitedAgain, existing.Id, existing.Email);
        }
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, OrganisationId = organisationId };
        if (Clashed(await users.CreateAsync(user), "make") || Clashed(await users.AddToRoleAsync(user, role), "give the role to"))
        {
            return (InvitedAccount.Clashed, null, null);
        }
        return (InvitedAccount.Made, user.Id, user.Email);
    }

    public async Task<bool> IsInUseAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(userId.ToString()) is not { } user || await InUseAsync(user);

    private async Task<bool> InUseAsync(StaffUser user) => await users.HasPasswordAsync(user) || (await users.GetLoginsAsync(user)).Count > 0;

    public Task<IReadOnlyList<string>> SetFirstPasswordAsync(Guid userId, string password, CancellationToken cancellationToken) =>
        FirstPasswords.SetAsync(users, userId, password);

    /// <summary>True when another save changed the account first (Identity's concurrency stamp); any other refusal is a fault.</summary>
    private static bool Clashed(IdentityResult result, string what)
    {
        if (result.Succeeded)
        {
            return false;
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return true;
        }
        throw new InvalidOperationException($"Could not {what} a staff account: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
