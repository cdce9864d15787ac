using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.SignIn;

/// <summary>A community space's sign-in link, minted when its text or email goes (docs/decisions/040).</summary>
public sealed class SpaceLinkMinter(IApplicationDbContext db) : IOneTimeLinkMinter
{
    public async Task<string?> MintAsync(Guid linkId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var link = await db.SpaceSignInLinks.FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        return link?.Mint(at) is { } token ? PlanLinks.SpacePath(token) : null;
    }
}
