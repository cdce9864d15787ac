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
    public async Task<(InvitedAccount Outcome, Guid? UserId)> EnsureInvitedAccountAsync(string email, string displayName, string role, Guid? organisationId,
        CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            var roles = await users.GetRolesAsync(existing);
            if (roles.Contains(Roles.Volunteer) || await users.HasPasswordAsync(existing) || (await users.GetLoginsAsync(existing)).Count > 0)
            {
                return (InvitedAccount.InUse, null);
            }
            // Never used: brought up to what the administrator asks for now.
            (existing.DisplayName, existing.OrganisationId) = (displayName, organisationId);
            Check(await users.UpdateAsync(existing), "update");
            var others = roles.Where(r => r != role).ToList();
            if (others.Count > 0)
            {
                Check(await users.RemoveFromRolesAsync(existing, others), "change the role of");
            }
            if (!roles.Contains(role))
            {
                Check(await users.AddToRoleAsync(existing, role), "give the role to");
            }
            return (InvitedAccount.InvitedAgain, existing.Id);
        }
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, OrganisationId = organisationId };
        Check(await users.CreateAsync(user), "make");
        Check(await users.AddToRoleAsync(user, role), "give the role to");
        return (InvitedAccount.Made, user.Id);
    }

    public Task<IReadOnlyList<string>> SetFirstPasswordAsync(Guid userId, string password, CancellationToken cancellationToken) =>
        FirstPasswords.SetAsync(users, userId, password);

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what} a staff account: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
