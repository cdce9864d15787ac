using System.Security.Claims;
using Hub.Infrastructure.Identity;
using Hub.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Account;

/// <summary>
/// Where a provider's sign-in lands once the OpenID Connect handler has checked its token: find the
/// invited staff account, then sign in. With the provider's word for a second factor (amr/acr) the
/// session counts as multi-factor; without it the member gives their authenticator code as after a
/// password. Nobody is registered here: an identity no administrator invited is refused.
/// </summary>
public sealed class SingleSignOnReturnModel(
    SignInManager<StaffUser> signIn, UserManager<StaffUser> users, InvitedStaffAccounts accounts,
    SingleSignOnSettings settings, ILogger<SingleSignOnReturnModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var scheme = external.Properties?.Items.TryGetValue("LoginProvider", out var s) == true ? s : null;
        if (!external.Succeeded || external.Principal is not { } identity || settings.Find(scheme) is not { } provider
            || identity.FindFirst("sub")?.Value is not { Length: > 0 } subject)
        {
            return Redirect("/staff/account/sign-in?sso=failed");
        }

        var email = identity.FindFirst("email")?.Value;
        var verified = provider.MatchByEmail
            && (provider.EmailsAreVerified || string.Equals(identity.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase));
        var match = await accounts.FindAsync(scheme!, provider.DisplayName, subject, verified ? email : null);
        if (match.Member is not { } member)
        {
            logger.LogWarning("Single sign-on with {Provider} refused: {Outcome}", provider.Name, match.Outcome);
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return RedirectToPage("NotInvited", new { provider = provider.Name });
        }
        if (match.Outcome == ExternalIdentityOutcome.Linked)
        {
            logger.LogInformation("Single sign-on with {Provider} linked to staff member {UserId}", provider.Name, member.Id);
        }

        // A new session: end, on the server too, whatever session this browser held (as the password sign-in does).
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } previous)
        {
            await users.UpdateSecurityStampAsync(previous);
        }
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);

        if (SingleSignOn.AssertsMultiFactor(identity, provider))
        {
            if (!await signIn.CanSignInAsync(member) || await users.IsLockedOutAsync(member))
            {
                return Locked();
            }
            await signIn.SignInWithClaimsAsync(member, isPersistent: false,
                [new Claim("amr", "mfa"), new Claim(ClaimTypes.AuthenticationMethod, scheme!)]);
            await users.ResetAccessFailedCountAsync(member);
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return LocalRedirect(SafeReturnUrl());
        }

        var result = await signIn.ExternalLoginSignInAsync(scheme!, subject, isPersistent: false, bypassTwoFactor: false);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl = SafeReturnUrl() });
        }
        if (result.Succeeded)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return LocalRedirect(SafeReturnUrl()); // without an authenticator set up, MfaEnforcement leads to setting one up
        }
        return Locked();
    }

    private IActionResult Locked()
    {
        logger.LogWarning("Single sign-on refused: staff account locked or not allowed to sign in");
        return Redirect("/staff/account/sign-in?sso=locked");
    }

    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/staff", StringComparison.Ordinal) ? ReturnUrl : "/staff";
}
