using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.Moderation.GetProposal;

/// <summary>One proposal for a connector to decide, with the listing as it is now when it is a change.</summary>
public sealed record GetProposal(Guid ProposalId) : IRequest<ProposalToDecide>;

public sealed record ProposalToDecide(Guid Id, ProposedGroup Details, ProposedGroup? Listed, string OrganiserEmail, ProposalStatus Status, string? Note, DateTimeOffset SubmittedAt);

public sealed class GetProposalHandler(IApplicationDbContext db) : IRequestHandler<GetProposal, ProposalToDecide>
{
    public async Task<ProposalToDecide> Handle(GetProposal request, CancellationToken cancellationToken)
    {
        var proposal = await db.GroupProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ProposalId, cancellationToken)
            ?? throw new NotFoundException("The proposal");
        ProposedGroup? listed = null;
        if (proposal.OfferId is { } offerId && proposal.Status == ProposalStatus.Waiting)
        {
            var offer = await db.CommunityOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, cancellationToken);
            listed = offer is null ? null : ProposedGroup.From(offer);
        }
        return new ProposalToDecide(proposal.Id, proposal.Details, listed, proposal.OrganiserEmail, proposal.Status, proposal.Note, proposal.SubmittedAt);
    }
}
