using Hub.Infrastructure.Identity;
using Hub.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Hub.Web.Pages.Staff.Account;

/// <summary>
/// Signs out on the server too: the security stamp changes, so a copied cookie stops working. A
/// session that came through single sign-on also ends at the provider when it offers an end-session
/// endpoint (RP-initiated logout), which then returns here.
/// </summary>
public sealed class SignOutModel(
    SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SingleSignOnSettings singleSignOn,
    IOptionsMonitor<OpenIdConnectOptions> providers, ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var scheme = session.Properties?.Items.TryGetValue(SingleSignOn.ProviderItem, out var s) == true ? s : null;
        var idToken = session.Properties?.GetTokenValue(OpenIdConnectParameterNames.IdToken);
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();

        if (singleSignOn.Find(scheme) is not null && await EndsSessionsAsync(scheme!))
        {
            var properties = new AuthenticationProperties { RedirectUri = "/staff/account/sign-out" };
            if (idToken is not null)
            {
                properties.Parameters[OpenIdConnectParameterNames.IdTokenHint] = idToken;
            }
            return SignOut(properties, scheme!);
        }
        return RedirectToPage();
    }

    /// <summary>Whether the provider publishes an end-session endpoint. If it cannot be reached, the hub session has still ended.</summary>
    private async Task<bool> EndsSessionsAsync(string scheme)
    {
        try
        {
            var options = providers.Get(scheme);
            var configuration = options.ConfigurationManager is { } manager ? await manager.GetConfigurationAsync(HttpContext.RequestAborted) : options.Configuration;
            return !string.IsNullOrEmpty(configuration?.EndSessionEndpoint);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
        {
            logger.LogWarning("Could not read {Scheme}'s metadata to end its session: {Error}", scheme, ex.GetType().Name);
            return false;
        }
    }
}
