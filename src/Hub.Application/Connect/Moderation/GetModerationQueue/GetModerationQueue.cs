using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.Moderation.GetModerationQueue;

/// <summary>What waits for a community connector or administrator: new groups and organisers' changes, oldest first.</summary>
public sealed record GetModerationQueue : IRequest<IReadOnlyList<QueuedProposal>>;

public sealed record QueuedProposal(Guid Id, string Name, string Area, bool IsChange, DateTimeOffset SubmittedAt);

public sealed class GetModerationQueueHandler(IApplicationDbContext db) : IRequestHandler<GetModerationQueue, IReadOnlyList<QueuedProposal>>
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<QueuedProposal>> Handle(GetModerationQueue request, CancellationToken cancellationToken)
    {
        var rows = await db.GroupProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Waiting)
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id).Take(Limit)
            .Select(p => new { p.Id, p.Details, p.OfferId, p.SubmittedAt }).ToListAsync(cancellationToken);
        return rows.Select(p => new QueuedProposal(p.Id, p.Details.Name, p.Details.Area, p.OfferId is not null, p.SubmittedAt)).ToList();
    }
}
