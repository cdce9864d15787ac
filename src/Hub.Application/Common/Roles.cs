namespace Hub.Application.Common;

/// <summary>The staff roles. Every staff page names the roles that may use it.</summary>
public static class Roles
{
    public const string Practitioner = nameof(Practitioner);
    public const string TeamLeader = nameof(TeamLeader);
    public const string Commissioner = nameof(Commissioner);
    public const string Admin = nameof(Admin);

    /// <summary>The actor recorded for what a person does in their own plan, signed in from a link.</summary>
    public const string Person = nameof(Person);

    /// <summary>The actor recorded for things the public do through the front door.</summary>
    public const string Public = nameof(Public);

    public static IReadOnlyList<string> All { get; } = [Practitioner, TeamLeader, Commissioner, Admin];

    /// <summary>Roles with a legitimate reason to see referrals awaiting triage.</summary>
    public const string Triage = Practitioner + "," + TeamLeader;
}
