using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.Space;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.SignIn.AskForSpaceLink;

/// <summary>
/// Someone asks for a link to sign in to their space with an email address or a UK mobile number.
/// Every address takes the same path, whether it has a space, belongs to someone the hub knows, or is
/// new: counted against the limits per address and per client, and within them a pending link is
/// queued back to what was typed, ending that address's earlier unused links. Nothing is sent when the
/// person says messages are not safe. The answer never depends on who the address belongs to.
/// </summary>
/// <param name="FormToken">The sign-in form's one-time token: sent twice, one link.</param>
/// <param name="FollowGroupId">A group they pressed "Follow" on: followed when they sign in.</param>
/// <param name="ClientAddress">The client's network address, for the limit per client; kept only as a hash.</param>
public sealed record AskForSpaceLink(string? EmailOrMobile, bool? SafeToMessage, Guid FormToken, Guid? FollowGroupId = null, string? ClientAddress = null)
    : IRequest<SpaceLinkAnswer>;

public enum SpaceLinkAnswer
{
    /// <summary>The same answer for every address: "if you can get messages there, a link is on its way".</summary>
    OnItsWay = 1,

    /// <summary>The person said messages are not safe: nothing was sent or kept.</summary>
    NotSentNotSafe = 2,
}

public sealed class AskForSpaceLinkValidator : AbstractValidator<AskForSpaceLink>
{
    public AskForSpaceLinkValidator()
    {
        RuleFor(c => c.EmailOrMobile).NotEmpty().WithMessage("Enter your email address or mobile number")
            .Must(e => e is null || e.Length <= 254).WithMessage("Enter an email address, like name@example.com, or a mobile number, like 07700 900 982")
            .Must(e => e is null || e.Length > 254 || (SpaceAddresses.IsEmail(e) ? EmailAddressRules.IsDeliverable(e.Trim()) : ContactDetails.IsUkMobile(e.Trim())))
            .WithMessage("Enter an email address, like name@example.com, or a UK mobile number, like 07700 900 982");
        RuleFor(c => c.SafeToMessage).NotNull().WithMessage("Say whether it is safe for us to send you a message");
    }
}

public sealed class AskForSpaceLinkHandler(IApplicationDbContext db, IEmailOutbox outbox, AuditKey key, TimeProvider clock) : IRequestHandler<AskForSpaceLink, SpaceLinkAnswer>
{
    public async Task<SpaceLinkAnswer> Handle(AskForSpaceLink request, CancellationToken cancellationToken)
    {
        if (request.SafeToMessage != true)
        {
            return SpaceLinkAnswer.NotSentNotSafe;
        }
        var typed = request.EmailOrMobile!.Trim();
        var addressKey = SpaceAddresses.KeyOf(key, SpaceAddresses.Normalise(typed));
        var clientKey = PlanLinkRequest.KeyOf(request.ClientAddress ?? "unknown");
        var now = clock.GetUtcNow();
        var since = now - SpaceSignInLink.Window;

        // The same commands for every address: a repeated form, then both counts.
        if (await db.SpaceSignInLinks.AnyAsync(l => l.FormToken == request.FormToken, cancellationToken))
        {
            return SpaceLinkAnswer.OnItsWay;
        }
        var forAddress = await db.SpaceSignInLinks.CountAsync(l => l.AddressKey == addressKey && l.RequestedAt > since, cancellationToken);
        var forClient = await db.SpaceSignInLinks.CountAsync(l => l.ClientKey == clientKey && l.RequestedAt > since, cancellationToken);
        if (forAddress >= SpaceSignInLink.PerAddress || forClient >= SpaceSignInLink.PerClient)
        {
            return SpaceLinkAnswer.OnItsWay;
        }

        // A new link ends the address's earlier unused ones: only the newest can open the space.
        await db.SpaceSignInLinks.Where(l => l.AddressKey == addressKey && l.UsedAt == null && l.RevokedAt == null)
            .ForEachAsync(l => l.Revoke(now), cancellationToken);
        var link = SpaceSignInLink.Pending(addressKey, clientKey, request.FormToken, request.FollowGroupId, now);
        db.SpaceSignInLinks.Add(link);
        SpaceLinkMessage.Enqueue(outbox, SpaceAddresses.IsEmail(typed) ? MessageChannel.Email : MessageChannel.Text, typed, link.Id);
        await db.TrySaveAsync(cancellationToken, SaveClash.Unique); // the same form sent twice at once: the first one's link stands
        return SpaceLinkAnswer.OnItsWay;
    }
}
