using FluentValidation;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CommunityOffers.SaveOffer;

/// <summary>
/// An administrator adds a local group, activity or service to the directory by hand, or corrects
/// one. <paramref name="OfferId"/> is null for a new offer. It exports to Open Referral UK like an
/// imported one.
/// </summary>
public sealed record SaveCommunityOffer(Guid? OfferId, string? Name, string? OrganisationName, string? Description, IReadOnlyList<DeterminantArea> HelpsWith,
    string? Neighbourhood, string? LocationName, string? Postcode, IReadOnlyList<OfferSession> Sessions, string? ScheduleNote,
    bool IsFree, string? CostNote, string? Phone, string? Email, string? Url, bool PeerLed, IReadOnlyList<string> Languages, bool Active) : IRequest<Guid>;

public sealed class SaveCommunityOfferValidator : AbstractValidator<SaveCommunityOffer>
{
    public SaveCommunityOfferValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the offer's name").SafeText("The name", CommunityOffer.NameMaxLength, multiline: false, storedMax: CommunityOffer.NameMaxLength);
        RuleFor(c => c.OrganisationName).NotEmpty().WithMessage("Enter who runs it").SafeText("Who runs it", CommunityOffer.NameMaxLength, multiline: false, storedMax: CommunityOffer.NameMaxLength);
        RuleFor(c => c.Description).SafeText("The description", CommunityOffer.DescriptionMaxLength, multiline: true, storedMax: CommunityOffer.DescriptionMaxLength);
        RuleForEach(c => c.HelpsWith).IsInEnum().WithMessage("Choose areas from the list");
        RuleFor(c => c.Neighbourhood).SafeText("The neighbourhood", CommunityOffer.NameMaxLength, multiline: false, storedMax: CommunityOffer.NameMaxLength);
        RuleFor(c => c.LocationName).SafeText("The place", 300, multiline: false, storedMax: 300);
        RuleFor(c => c.Postcode).SafeText("The postcode", CommunityOffer.PostcodeMaxLength, multiline: false, storedMax: CommunityOffer.PostcodeMaxLength);
        RuleFor(c => c.Sessions).Must(s => s.Count <= 14).WithMessage("List at most 14 sessions a week");
        RuleForEach(c => c.Sessions).Must(s => s.Closes > s.Opens).WithMessage("Each session must finish after it starts");
        RuleFor(c => c.ScheduleNote).SafeText("When it runs", 1000, multiline: true);
        RuleFor(c => c.CostNote).SafeText("The cost", 1000, multiline: false);
        RuleFor(c => c.Phone).SafeText("The phone number", OpenReferralImport.PhoneMaxLength, multiline: false, storedMax: OpenReferralImport.PhoneMaxLength);
        RuleFor(c => c.Email).SafeText("The email address", OpenReferralImport.EmailMaxLength, multiline: false, storedMax: OpenReferralImport.EmailMaxLength)
            .DeliverableEmail("Enter an email address like name@example.org").When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Url).SafeText("The website", OpenReferralImport.UrlMaxLength, multiline: false, storedMax: OpenReferralImport.UrlMaxLength)
            .Must(u => Uri.TryCreate(u!.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(c => !string.IsNullOrWhiteSpace(c.Url)).WithMessage("Enter the website address starting https://");
        RuleFor(c => c.Languages).Must(l => l.Count <= 20).WithMessage("List at most 20 languages");
        RuleForEach(c => c.Languages).SafeText("Each language", 60, multiline: false);
    }
}

public sealed class SaveCommunityOfferHandler(IApplicationDbContext db, TimeProvider clock, Connect.HomeArea home) : IRequestHandler<SaveCommunityOffer, Guid>
{
    public async Task<Guid> Handle(SaveCommunityOffer request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        CommunityOffer offer;
        if (request.OfferId is { } id)
        {
            offer = await db.CommunityOffers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException("The offer");
        }
        else
        {
            // Added by hand, so in the hub's own area; an existing offer keeps its own.
            offer = new CommunityOffer(request.Name!, request.OrganisationName!, now, home.Name);
            db.CommunityOffers.Add(offer);
        }

        // An imported council's categories are kept as they were; the ticked life areas are the offer's
        // own field, written to Open Referral UK in the hub's vocabulary on export.
        offer.Describe(request.Name!, request.Description, request.OrganisationName!, offer.Categories, request.HelpsWith, request.PeerLed, request.Languages);
        offer.Locate(request.Neighbourhood, request.LocationName, offer.Address, request.Postcode);
        offer.Schedule(request.Sessions, request.ScheduleNote);
        offer.SetCost(request.IsFree, request.CostNote);
        offer.SetContact(request.Phone, request.Email, request.Url?.Trim());
        offer.SetActive(request.Active);
        offer.Touch(now);
        await db.SaveChangesAsync(cancellationToken);
        return offer.Id;
    }
}
