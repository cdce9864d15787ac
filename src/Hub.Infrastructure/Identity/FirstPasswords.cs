using Microsoft.AspNetCore.Identity;

namespace Hub.Infrastructure.Identity;

/// <summary>The account store's half of setting a first password through an invitation (staff and volunteers alike).</summary>
internal static class FirstPasswords
{
    /// <summary>Sets the password (replacing any, as a link is only issued to an account not yet in use); the store's refusals in words.</summary>
    public static async Task<IReadOnlyList<string>> SetAsync(UserManager<StaffUser> users, Guid userId, string password)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("The account has gone.");
        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }
        var result = await users.AddPasswordAsync(user, password);
        return result.Succeeded ? [] : result.Errors.Select(e => e.Description.TrimEnd('.')).ToList();
    }
}
