using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link;

/// <summary>The person's plan link, minted when its text or email goes (docs/decisions/030).</summary>
public sealed class PlanLinkMinter(IApplicationDbContext db) : IOneTimeLinkMinter
{
    public async Task<string?> MintAsync(Guid linkId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var link = await db.PlanAccessLinks.FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        return link?.Mint(at) is { } token ? PlanLinks.Path(token) : null;
    }
}
