namespace Hub.Application.Common.Interfaces;

/// <summary>Who is making the current request. Anonymous for the public front door.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>
    /// The signed-in user's id, for use cases only a signed-in user reaches (their policies make sure).
    /// Nobody signed in here is a bug, not a refusal.
    /// </summary>
    Guid Id => UserId ?? throw new InvalidOperationException("This request needs a signed-in user.");

    /// <summary>The role the user acts in (Practitioner, TeamLeader, Commissioner, Admin) or "Public".</summary>
    string Role { get; }

    bool IsInRole(string role);
}
