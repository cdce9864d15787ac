namespace Hub.Application.Common.Interfaces;

/// <summary>Who is making the current request. Anonymous for the public front door.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>The role the user acts in (Practitioner, TeamLeader, Commissioner, Admin) or "Public".</summary>
    string Role { get; }

    bool IsInRole(string role);
}
