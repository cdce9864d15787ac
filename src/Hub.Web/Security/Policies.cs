using Hub.Application.Common;
using Microsoft.AspNetCore.Authorization;

namespace Hub.Web.Security;

/// <summary>Every page names one of these (or allows anonymous access explicitly); the fallback denies.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Triage = nameof(Triage);

    /// <summary>One's own hub account (the authenticator app): staff, volunteers and volunteer coordinators.</summary>
    public const string Account = nameof(Account);
    public const string TeamLeader = nameof(TeamLeader);
    public const string Admin = nameof(Admin);

    /// <summary>A person signed in to their own plan from a link (the person cookie, never staff sign-in).</summary>
    public const string Person = nameof(Person);

    /// <summary>Someone signed in to their own community space from a one-time link (the space cookie only; docs/decisions/040).</summary>
    public const string Space = nameof(Space);

    /// <summary>The community offers directory: those who point people to offers, and those who keep it.</summary>
    public const string Offers = nameof(Offers);

    /// <summary>Commissioner reports: aggregate and suppressed, for commissioners and team leaders.</summary>
    public const string Reports = nameof(Reports);

    /// <summary>Connect and Do's moderation queue: community connectors (by member profile) and administrators.</summary>
    public const string Moderation = nameof(Moderation);

    /// <summary>Vetting and matching volunteers: volunteer coordinators and administrators (docs/decisions/038).</summary>
    public const string VolunteerCoordination = nameof(VolunteerCoordination);

    /// <summary>A volunteer supporter's own pages: the Volunteer role, nobody else.</summary>
    public const string Volunteer = nameof(Volunteer);

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(Account, p => p.RequireAuthenticatedUser().RequireRole([.. Roles.All, Roles.Volunteer, Roles.VolunteerCoordinator]));
        options.AddPolicy(Triage, p => p.RequireAuthenticatedUser().RequireRole(Roles.Practitioner, Roles.TeamLeader));
        options.AddPolicy(TeamLeader, p => p.RequireAuthenticatedUser().RequireRole(Roles.TeamLeader));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(Person, p => p.AddAuthenticationSchemes(PersonAccess.Scheme).RequireAuthenticatedUser().RequireClaim(PersonAccess.SessionClaim));
        options.AddPolicy(Space, p => p.AddAuthenticationSchemes(SpaceAccess.Scheme).RequireAuthenticatedUser().RequireClaim(SpaceAccess.SessionClaim));
        options.AddPolicy(Reports, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commissioner, Roles.TeamLeader));
        options.AddPolicy(Moderation, p => p.RequireAuthenticatedUser().RequireRole(Roles.Practitioner, Roles.TeamLeader, Roles.Admin).AddRequirements(new CommunityConnectorRequirement()));
        options.AddPolicy(VolunteerCoordination, p => p.RequireAuthenticatedUser().RequireRole(Roles.Coordinators));
        options.AddPolicy(Volunteer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Volunteer));
        options.AddPolicy(Offers, p => p.RequireAuthenticatedUser().RequireRole(Roles.Practitioner, Roles.TeamLeader, Roles.Admin));
    }
}
