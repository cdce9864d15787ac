using Hub.Application.Common;
using Hub.Application.Volunteering.Coordination;
using Microsoft.AspNetCore.Identity;

namespace Hub.Infrastructure.Identity;

/// <summary>
/// Volunteers' accounts on the staff account machinery: the same Identity store, password rules
/// (length and the common-password list), lockout and authenticator app; the Volunteer role only.
/// An email that already belongs to a staff account is never turned into a volunteer's.
/// </summary>
internal sealed class VolunteerAccounts(UserManager<StaffUser> users) : IVolunteerAccounts
{
    public async Task<Guid?> EnsureAccountAsync(string email, string displayName, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email.Trim()) is { } existing)
        {
            var roles = await users.GetRolesAsync(existing);
            return roles.Count == 1 && roles[0] == Roles.Volunteer ? existing.Id : null;
        }
        var user = new StaffUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create a volunteer's account: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }
        var role = await users.AddToRoleAsync(user, Roles.Volunteer);
        return role.Succeeded ? user.Id : throw new InvalidOperationException("Could not give the Volunteer role: " + string.Join("; ", role.Errors.Select(e => e.Code)));
    }

    public Task<IReadOnlyList<string>> SetPasswordAsync(Guid userId, string password, CancellationToken cancellationToken) =>
        FirstPasswords.SetAsync(users, userId, password);

    public async Task RemoveAccountAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return;
        }
        var roles = await users.GetRolesAsync(user);
        if (roles.Count != 1 || roles[0] != Roles.Volunteer)
        {
            return; // never a staff account, whatever the volunteer record says
        }
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException("Could not delete a volunteer's account: " + string.Join("; ", deleted.Errors.Select(e => e.Code)));
        }
    }
}
