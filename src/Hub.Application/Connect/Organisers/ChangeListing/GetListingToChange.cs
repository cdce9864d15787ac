using Hub.Application.Connect.StartGroup;
using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.Organisers.ChangeListing;

/// <summary>The organiser's listing as their change form starts from; null when the link is spent or has expired.</summary>
public sealed record GetListingToChange(Guid LinkId) : IRequest<ListingToChange?>;

public sealed record ListingToChange(Guid OfferId, string Name, GroupAnswers Answers);

public sealed class GetListingToChangeHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<GetListingToChange, ListingToChange?>
{
    public async Task<ListingToChange?> Handle(GetListingToChange request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await db.ListingLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.LinkId, cancellationToken);
        if (link is null || !link.CanBeUsedAt(now))
        {
            return null;
        }
        var offer = await db.CommunityOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == link.OfferId, cancellationToken);
        return offer is null ? null : new ListingToChange(offer.Id, offer.Name, GroupAnswers.From(ProposedGroup.From(offer), link.OrganiserEmail));
    }
}
