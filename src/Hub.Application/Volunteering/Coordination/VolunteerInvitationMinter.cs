using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Coordination;

/// <summary>A volunteer's invitation to set their password, minted when its email goes (docs/decisions/042).</summary>
public sealed class VolunteerInvitationMinter(IApplicationDbContext db) : IOneTimeLinkMinter
{
    public async Task<string?> MintAsync(Guid linkId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.FirstOrDefaultAsync(v => v.InvitationId == linkId, cancellationToken);
        return volunteer?.MintInvitation(linkId, at) is { } token ? InviteVolunteerHandler.WelcomePath(token) : null;
    }
}
