using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Triage;

internal static class ReferralLoading
{
    /// <summary>Loads a referral for a change, or throws <see cref="NotFoundException"/>.</summary>
    public static async Task<Referral> LoadForChange(this IApplicationDbContext db, Guid referralId, CancellationToken cancellationToken) =>
        await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken) ?? throw new NotFoundException("The referral");
}
