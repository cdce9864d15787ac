using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Referrals.GetSentSelfReferral;

/// <summary>
/// The reference of the referral sent with this one-time form token, or null when none was. Lets a
/// send whose answers have gone (a new connection, an expired form) still show the reference of a
/// form that was sent, instead of asking the person to start again.
/// </summary>
public sealed record GetSentSelfReferral(Guid FormToken) : IRequest<string?>;

public sealed class GetSentSelfReferralHandler(IApplicationDbContext db) : IRequestHandler<GetSentSelfReferral, string?>
{
    public async Task<string?> Handle(GetSentSelfReferral request, CancellationToken cancellationToken) =>
        request.FormToken == Guid.Empty
            ? null
            : await db.Referrals.AsNoTracking().Where(r => r.FormToken == request.FormToken).Select(r => r.Reference).FirstOrDefaultAsync(cancellationToken);
}
