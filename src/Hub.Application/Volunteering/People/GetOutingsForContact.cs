using Hub.Application.Common.Interfaces;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.People;

/// <summary>
/// The seam for the person's own space: every request a contact (an email address or mobile number
/// the person has proved they hold, by a one-time link) made for a volunteer, with its outings and
/// what the person said about each. Found by <see cref="ContactKey"/>, never by the raw address.
/// The caller must have proved the contact; this query trusts it.
/// </summary>
public sealed record GetOutingsForContact(string EmailOrMobile) : IRequest<IReadOnlyList<ContactOuting>>;

/// <param name="OutingId">So the space can offer "say how it went" for an outing without a say yet.</param>
public sealed record ContactOuting(Guid RequestId, Guid OutingId, string Group, DateOnly On, bool Happened, HowItWent? PersonSaid, string? PersonWords);

public sealed class GetOutingsForContactHandler(IApplicationDbContext db) : IRequestHandler<GetOutingsForContact, IReadOnlyList<ContactOuting>>
{
    public async Task<IReadOnlyList<ContactOuting>> Handle(GetOutingsForContact request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.EmailOrMobile) || request.EmailOrMobile.Length > 254)
        {
            return [];
        }
        var key = ContactKey.For(request.EmailOrMobile);
        return await db.SupportRequests.AsNoTracking().Where(r => r.ContactKey == key)
            .Join(db.Outings, r => r.Id, o => o.RequestId, (r, o) => new { r.Id, r.OfferId, Outing = o })
            .OrderByDescending(x => x.Outing.On).ThenBy(x => x.Outing.Id)
            .Select(x => new ContactOuting(x.Id, x.Outing.Id, db.CommunityOffers.Where(c => c.Id == x.OfferId).Select(c => c.Name).FirstOrDefault() ?? string.Empty,
                x.Outing.On, x.Outing.Happened, x.Outing.PersonSaid, x.Outing.PersonWords))
            .ToListAsync(cancellationToken);
    }
}
