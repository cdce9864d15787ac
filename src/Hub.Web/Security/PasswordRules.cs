using Hub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Hub.Web.Security;

/// <summary>
/// Length over composition (ASVS 6.2): at least 12 characters, any characters, but not a password
/// on the list of common and breached passwords (<see cref="CommonPasswordList"/>) or one that
/// contains the user's own email name. Identity runs it on every password set or change.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordRequired", Description = "Enter a password" }));
        }
        var localPart = user.Email?.Split('@')[0];
        if (CommonPasswordList.Contains(password) || (localPart is { Length: >= 4 } && password.Contains(localPart, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "Choose a password that is harder to guess. This one is on a list of common passwords that have been leaked, or contains your email name. A few unrelated words together make a good password",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
