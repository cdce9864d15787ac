using Microsoft.AspNetCore.Identity;

namespace Hub.Infrastructure.Identity;

/// <summary>A member of staff who signs in. Their role decides what they may see (see Roles).</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The partner organisation the member works for (GP practice, trust, charity).</summary>
    public Guid? OrganisationId { get; set; }
}
