using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Coordination;

/// <summary>What the coordinator does with a request other than matching it.</summary>
public enum RequestChange
{
    /// <summary>End the match and put the request back in the queue.</summary>
    ReturnToQueue = 1,
    CloseGoingAlone = 2,
    CloseNoLongerWanted = 3,
    CloseCouldNotReach = 4,
}

/// <summary>The coordinator takes a request back from its volunteer, or closes it with its reason.</summary>
public sealed record ChangeRequest(Guid RequestId, RequestChange? Change, int Version) : IRequest<Unit>;

public sealed class ChangeRequestValidator : AbstractValidator<ChangeRequest>
{
    public ChangeRequestValidator() => RuleFor(r => r.Change).NotNull().IsInEnum().WithMessage("Select what to do with the request");
}

public sealed class ChangeRequestHandler(IApplicationDbContext db, TimeProvider clock, AuditTrail audit) : IRequestHandler<ChangeRequest, Unit>
{
    public async Task<Unit> Handle(ChangeRequest request, CancellationToken cancellationToken)
    {
        var supportRequest = await db.SupportRequests.Include(r => r.Matches).FirstOrDefaultAsync(r => r.Id == request.RequestId, cancellationToken)
            ?? throw new NotFoundException("The request");
        if (supportRequest.Version != request.Version)
        {
            throw Refuse.Because(string.Empty, "Someone else changed this request while you were looking at it. Check it again");
        }
        var now = clock.GetUtcNow();
        try
        {
            switch (request.Change)
            {
                case RequestChange.ReturnToQueue:
                    supportRequest.ReturnToQueue(MatchEnding.ReturnedByCoordinator, now);
                    break;
                case RequestChange.CloseGoingAlone:
                    supportRequest.Close(RequestClosure.GoingAloneNow, now);
                    break;
                case RequestChange.CloseNoLongerWanted:
                    supportRequest.Close(RequestClosure.NoLongerWanted, now);
                    break;
                default:
                    supportRequest.Close(RequestClosure.CouldNotReach, now);
                    break;
            }
        }
        catch (DomainRuleException ex)
        {
            throw Refuse.Because(nameof(request.Change), ex.Message.TrimEnd('.'));
        }
        audit.Record(AuditAction.Update, null, nameof(SupportRequest), supportRequest.Id, "Volunteering: change request");
        await db.SaveOrRefuseAsync(string.Empty, "Someone else changed this request at the same time. Check it again", cancellationToken);
        return Unit.Value;
    }
}
