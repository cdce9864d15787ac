using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Connect.StartGroup;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.Organisers.ChangeListing;

/// <summary>
/// The organiser sends a change to their listing through their link. The link is spent, and the
/// change waits in the moderation queue like a new group (docs/decisions/033); the listing stays as
/// it was until a connector publishes the change.
/// </summary>
public sealed record ChangeListing(Guid LinkId, GroupAnswers Answers) : IRequest<ChangeOutcome>;

public enum ChangeOutcome
{
    Sent = 1,
    /// <summary>The link was spent (by this change sent twice, or another) or has expired.</summary>
    LinkNoLongerWorks = 2,
}

public sealed class ChangeListingValidator : AbstractValidator<ChangeListing>
{
    public ChangeListingValidator() => RuleFor(r => r.Answers).SetValidator(new GroupAnswersValidator());
}

public sealed class ChangeListingHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ChangeListing, ChangeOutcome>
{
    public async Task<ChangeOutcome> Handle(ChangeListing request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await db.ListingLinks.FirstOrDefaultAsync(l => l.Id == request.LinkId, cancellationToken);
        if (link is null || !link.CanBeUsedAt(now))
        {
            return ChangeOutcome.LinkNoLongerWorks;
        }
        link.Use(now);
        // The link's id doubles as the form token: one link, one change.
        db.GroupProposals.Add(GroupProposal.ProposeChange(link.OfferId, request.Answers.ToProposal(), link.OrganiserEmail, link.Id, now));
        return await db.TrySaveAsync(cancellationToken) ? ChangeOutcome.Sent : ChangeOutcome.LinkNoLongerWorks;
    }
}
