using FluentValidation;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Loading;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Routing.AgreeCommunityOffer;

/// <summary>Records that the person agreed to try a community offer; the care team and the plan can then point to it.</summary>
public sealed record AgreeCommunityOffer(Guid ReferralId, Guid OfferId, string? Note) : IRequest<Unit>, IReferralScoped;

public sealed class AgreeCommunityOfferValidator : AbstractValidator<AgreeCommunityOffer>
{
    public AgreeCommunityOfferValidator()
    {
        RuleFor(c => c.OfferId).NotEmpty().WithMessage("Choose an offer");
        RuleFor(c => c.Note).SafeText("The note", 2000, multiline: true, storedMax: 2000);
    }
}

public sealed class AgreeCommunityOfferHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<AgreeCommunityOffer, Unit>
{
    public async Task<Unit> Handle(AgreeCommunityOffer request, CancellationToken cancellationToken)
    {
        var (_, spell) = await db.LoadSpellOfReferral(request.ReferralId, cancellationToken);
        if (!spell.IsOpen)
        {
            throw Refuse.Because(nameof(request.OfferId), "This person's spell has closed");
        }
        if (!await db.CommunityOffers.AnyAsync(o => o.Id == request.OfferId && o.Active, cancellationToken))
        {
            throw Refuse.Because(nameof(request.OfferId), "That offer is no longer in the directory");
        }
        if (await db.CommunityLinks.AnyAsync(l => l.SpellId == spell.Id && l.OfferId == request.OfferId, cancellationToken))
        {
            return Unit.Value;
        }
        var link = new CommunityLink(spell.Id, spell.PersonId, request.OfferId, request.Note, user.Id, clock.GetUtcNow());
        db.CommunityLinks.Add(link);
        audit.Record(AuditAction.Create, spell.PersonId, nameof(CommunityLink), link.Id, "Routing: agree community offer");
        // Agreed by someone else at the same moment: the same result.
        await db.TrySaveAsync(cancellationToken, SaveClash.Unique);
        return Unit.Value;
    }
}
