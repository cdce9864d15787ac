using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.Moderation.DecideProposal;

public enum ProposalDecision
{
    Publish = 1,
    AskForChanges = 2,
    Decline = 3,
}

/// <summary>
/// A community connector or administrator decides a proposal: publish it (a new listing, or the
/// organiser's change onto theirs), ask for changes, or decline with a reason. The organiser is told
/// by email; a publish also sends them a fresh one-time link to change their listing later.
/// </summary>
public sealed record DecideProposal(Guid ProposalId, ProposalDecision Decision, string? Note) : IRequest<DecisionOutcome>;

/// <param name="AlreadyDecided">Someone else decided it first; nothing changed.</param>
public sealed record DecisionOutcome(Guid? ListingId, bool AlreadyDecided);

public sealed class DecideProposalValidator : AbstractValidator<DecideProposal>
{
    public DecideProposalValidator()
    {
        RuleFor(r => r.Decision).IsInEnum().WithMessage("Select what to do with the proposal");
        RuleFor(r => r.Note).NotEmpty().WithMessage("Say what the organiser needs to change, or why it is declined")
            .When(r => r.Decision is ProposalDecision.AskForChanges or ProposalDecision.Decline);
        RuleFor(r => r.Note).SafeText("The note", GroupProposal.NoteMaxLength, multiline: true);
    }
}

public sealed class DecideProposalHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IEmailOutbox outbox, HubAddress address)
    : IRequestHandler<DecideProposal, DecisionOutcome>
{
    public async Task<DecisionOutcome> Handle(DecideProposal request, CancellationToken cancellationToken)
    {
        var proposal = await db.GroupProposals.FirstOrDefaultAsync(p => p.Id == request.ProposalId, cancellationToken)
            ?? throw new NotFoundException("The proposal");
        if (!proposal.IsOpen)
        {
            return new DecisionOutcome(proposal.OfferId, AlreadyDecided: true);
        }
        var now = clock.GetUtcNow();
        var by = user.Id;
        Guid? listingId = null;
        switch (request.Decision)
        {
            case ProposalDecision.Publish:
                var listing = proposal.OfferId is { } id
                    ? await db.CommunityOffers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException("The listing")
                    : null;
                var published = proposal.Publish(listing, by, now);
                if (listing is null)
                {
                    db.CommunityOffers.Add(published);
                }
                var (link, token) = ListingLink.Issue(published.Id, proposal.OrganiserEmail, now);
                db.ListingLinks.Add(link);
                outbox.Enqueue(new OutgoingEmail(proposal.OrganiserEmail, "Your group is listed on Connect and Do",
                    $"\"{published.Name}\" is now listed on Connect and Do:\n{address.Link($"/connect/groups/{published.Id}")}\n\n" +
                    $"To change the details later, use this link. It works once and lasts {ListingLink.Lifetime.Days} days; each change you send is checked before it is shown, and you get a new link when it is:\n" +
                    $"{address.Link("/connect/organiser/" + token)}\n\nIf you did not ask for this, you can ignore this email.",
                    ProposalMessages.Published));
                listingId = published.Id;
                break;
            case ProposalDecision.AskForChanges:
                proposal.AskForChanges(request.Note!, by, now);
                outbox.Enqueue(new OutgoingEmail(proposal.OrganiserEmail, "Your Connect and Do group: please change something",
                    $"Thank you for \"{proposal.Details.Name}\". Before we can list it, please change this:\n\n{proposal.Note}\n\nThen send it again at {address.Link("/connect/start")}.",
                    ProposalMessages.ChangesAsked));
                break;
            case ProposalDecision.Decline:
                proposal.Decline(request.Note!, by, now);
                outbox.Enqueue(new OutgoingEmail(proposal.OrganiserEmail, "Your Connect and Do group",
                    $"Thank you for \"{proposal.Details.Name}\". We cannot list it, because:\n\n{proposal.Note}",
                    ProposalMessages.Declined));
                break;
        }
        if (!await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency))
        {
            return new DecisionOutcome(null, AlreadyDecided: true);
        }
        return new DecisionOutcome(listingId, AlreadyDecided: false);
    }
}

/// <summary>The purposes of the emails an organiser gets about their proposal (found by subject access, docs/decisions/048).</summary>
public static class ProposalMessages
{
    public const string Published = "Connect and Do: listing published";
    public const string ChangesAsked = "Connect and Do: changes asked";
    public const string Declined = "Connect and Do: declined";

    public static readonly IReadOnlyList<string> All = [Published, ChangesAsked, Declined];
}
