using Hub.Application.Common.Access;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Common.Behaviours;

/// <summary>
/// Checks, before validation and the handler, that the caller has a legitimate relationship with
/// the person a request is about (<see cref="RecordAccess"/>). Requests say which person through
/// their scope interface, so a new use case cannot forget the check by forgetting a line.
/// </summary>
public sealed class RecordAccessBehaviour<TRequest, TResponse>(IApplicationDbContext db, RecordAccess access)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var (recordType, recordId, personId) = request switch
        {
            IReferralScoped r => ("Referral", r.ReferralId,
                await db.Referrals.Where(x => x.Id == r.ReferralId).Select(x => (Guid?)x.PersonId).FirstOrDefaultAsync(cancellationToken)),
            IConversationScoped c => ("Conversation", c.ConversationId,
                await db.Conversations.Where(x => x.Id == c.ConversationId).Select(x => (Guid?)x.PersonId).FirstOrDefaultAsync(cancellationToken)),
            IMatchScoped x => ("PossibleMatch", x.MatchId,
                await db.PossibleMatches.Where(p => p.Id == x.MatchId).Join(db.Referrals, p => p.ReferralId, r => r.Id, (p, r) => (Guid?)r.PersonId).FirstOrDefaultAsync(cancellationToken)),
            IMeetingScoped m => ("NetworkMeeting", m.MeetingId,
                await db.NetworkMeetings.Where(x => x.Id == m.MeetingId).Select(x => (Guid?)x.PersonId).FirstOrDefaultAsync(cancellationToken)),
            _ => (string.Empty, Guid.Empty, (Guid?)Guid.Empty),
        };
        if (recordType.Length > 0)
        {
            if (personId is not { } person)
            {
                throw new NotFoundException("The record");
            }
            await access.Ensure(person, recordType, recordId, typeof(TRequest).Name, cancellationToken);
        }
        return await next();
    }
}
