using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Domain.Common;
using Hub.Domain.Space;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.SignIn.ExchangeSpaceLink;

/// <summary>
/// Turns a space sign-in link into a session, once. The token is looked up by its hash only. The space
/// is made the first time its address signs in; a group the person pressed "Follow" on is followed.
/// </summary>
public sealed record ExchangeSpaceLink(string? Token) : IRequest<SpaceExchangeResult>;

/// <param name="Problem">Why the link did not work (null when it did); an unknown or forged link reads as expired.</param>
/// <param name="LandOnOutingId">The outing a link sent after it lands on (docs/decisions/041); null for a link the person asked for.</param>
public sealed record SpaceExchangeResult(Guid? SessionId, Guid? MemberId, SpaceLinkProblem? Problem, Guid? LandOnOutingId = null);

public sealed class ExchangeSpaceLinkHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ExchangeSpaceLink, SpaceExchangeResult>
{
    public async Task<SpaceExchangeResult> Handle(ExchangeSpaceLink request, CancellationToken cancellationToken)
    {
        var token = request.Token?.Trim();
        var hash = string.IsNullOrEmpty(token) || token.Length > OneTimeToken.MaxLength ? null : OneTimeToken.Hash(token);
        var link = hash is null ? null : await db.SpaceSignInLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (link is null)
        {
            return new SpaceExchangeResult(null, null, SpaceLinkProblem.Expired);
        }
        if (link.ProblemAt(now) is { } problem)
        {
            return new SpaceExchangeResult(null, null, problem);
        }
        var member = await db.SpaceMembers.FirstOrDefaultAsync(m => m.AddressKey == link.AddressKey, cancellationToken);
        if (member is null)
        {
            member = new SpaceMember(link.AddressKey, now);
            db.SpaceMembers.Add(member);
        }
        var session = link.Use(member, now);
        db.SpaceSessions.Add(session);
        if (link.FollowGroupId is { } groupId
            && await db.CommunityOffers.AnyAsync(o => o.Id == groupId && o.Active, cancellationToken)
            && !await db.SpaceFollows.AnyAsync(f => f.MemberId == member.Id && f.GroupId == groupId, cancellationToken))
        {
            db.SpaceFollows.Add(new SpaceFollow(member.Id, groupId, now));
        }
        // The same link used twice at once, or a second first sign-in for one address: one wins.
        if (!await db.TrySaveAsync(cancellationToken, SaveClash.Either))
        {
            return new SpaceExchangeResult(null, null, SpaceLinkProblem.AlreadyUsed);
        }
        return new SpaceExchangeResult(session.Id, member.Id, null, link.LandOnOutingId);
    }
}
