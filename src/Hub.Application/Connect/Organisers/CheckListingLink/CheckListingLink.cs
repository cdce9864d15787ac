using Hub.Application.Common.Interfaces;
using Hub.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.Organisers.CheckListingLink;

/// <summary>
/// Finds the organiser's link by the hash of its token without spending it (opening the page, or a
/// mail scanner following the link, changes nothing). The page then keeps only the link's id, in a
/// protected cookie, and moves to an address with no token in it.
/// </summary>
public sealed record CheckListingLink(string? Token) : IRequest<Guid?>;

public sealed class CheckListingLinkHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CheckListingLink, Guid?>
{
    public async Task<Guid?> Handle(CheckListingLink request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > OneTimeToken.MaxLength)
        {
            return null;
        }
        var hash = OneTimeToken.Hash(request.Token.Trim());
        var now = clock.GetUtcNow();
        return await db.ListingLinks.AsNoTracking().Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now)
            .Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
