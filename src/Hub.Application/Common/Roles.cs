namespace Hub.Application.Common;

/// <summary>The staff roles. Every staff page names the roles that may use it.</summary>
public static class Roles
{
    public const string Practitioner = nameof(Practitioner);
    public const string TeamLeader = nameof(TeamLeader);
    public const string Commissioner = nameof(Commissioner);
    public const string Admin = nameof(Admin);

    /// <summary>
    /// A vetted volunteer supporter with an account: sees only the requests matched to them, records
    /// outings and raises concerns. Not a staff role: no staff page admits it (docs/decisions/038).
    /// </summary>
    public const string Volunteer = nameof(Volunteer);

    /// <summary>
    /// Vets and matches volunteers. Held alone or beside a staff role (a community connector who also
    /// coordinates); administrators may coordinate too. Reaches no person's hub record.
    /// </summary>
    public const string VolunteerCoordinator = nameof(VolunteerCoordinator);

    /// <summary>The roles that may use the coordinator's pages.</summary>
    public static IReadOnlyList<string> Coordinators { get; } = [VolunteerCoordinator, Admin];

    /// <summary>The actor recorded for what a person does in their own plan, signed in from a link.</summary>
    public const string Person = nameof(Person);

    /// <summary>The actor recorded for things the public do through the front door.</summary>
    public const string Public = nameof(Public);

    public static IReadOnlyList<string> All { get; } = [Practitioner, TeamLeader, Commissioner, Admin];

    /// <summary>Roles with a legitimate reason to see referrals awaiting triage.</summary>
    public const string Triage = Practitioner + "," + TeamLeader;
}
