using Hub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Hub.Web.Security;

/// <summary>
/// Length over composition (ASVS 6.2): at least 12 characters, any characters, but not a password
/// that is known to be common or that contains the user's own email name.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    // The most used passwords of 12 or more characters in public breach corpora, lower-cased.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678910", "qwertyuiop12", "qwertyuiop123", "password1234", "password12345",
        "password123456", "passwordpassword", "iloveyou1234", "abcdefghijkl", "abc123456789", "111111111111", "000000000000",
        "123123123123", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "letmein12345", "welcome12345", "changeme1234",
        "administrator", "football1234", "monkey123456", "sunshine1234", "princess1234", "trustno11234", "livingwellhub",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordRequired", Description = "Enter a password" }));
        }
        var localPart = user.Email?.Split('@')[0];
        if (Common.Contains(password) || (localPart is { Length: >= 4 } && password.Contains(localPart, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "Choose a password that is harder to guess: not a common password and not your email name",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
