namespace Hub.Web.Security;

/// <summary>Staff single sign-on through OpenID Connect (see docs/decisions/025).</summary>
internal static partial class SingleSignOn
{
    /// <summary>Where every single sign-on request goes: the start, each provider's callbacks.</summary>
    public const string PathPrefix = "/staff/account/sso";
}
