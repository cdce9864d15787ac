using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Space.Outings;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.TellHowItWent;

/// <summary>
/// Finds the person's "how did it go" link by its token's hash without spending it (opening the
/// page, or a mail scanner following it, changes nothing). The page keeps only the link's id.
/// </summary>
public sealed record CheckHowItWentLink(string? Token) : IRequest<Guid?>;

public sealed class CheckHowItWentLinkHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CheckHowItWentLink, Guid?>
{
    public async Task<Guid?> Handle(CheckHowItWentLink request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > OneTimeToken.MaxLength)
        {
            return null;
        }
        var hash = OneTimeToken.Hash(request.Token.Trim());
        var now = clock.GetUtcNow();
        return await db.OutingFeedbackLinks.AsNoTracking().Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now)
            .Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>The outing a working link is for: which group and when, nothing else. Null when the link no longer works.</summary>
public sealed record GetOutingToTell(Guid LinkId) : IRequest<OutingToTell?>;

public sealed record OutingToTell(string FirstName, string Group, DateOnly On);

public sealed class GetOutingToTellHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<GetOutingToTell, OutingToTell?>
{
    public async Task<OutingToTell?> Handle(GetOutingToTell request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.OutingFeedbackLinks.AsNoTracking().Where(l => l.Id == request.LinkId && l.UsedAt == null && l.ExpiresAt > now)
            .Join(db.Outings, l => l.OutingId, o => o.Id, (l, o) => o)
            .Join(db.SupportRequests, o => o.RequestId, r => r.Id, (o, r) => new
            {
                r.FirstName,
                Group = db.CommunityOffers.Where(c => c.Id == r.OfferId).Select(c => c.Name).FirstOrDefault(),
                o.On,
            })
            .Select(x => new OutingToTell(x.FirstName, x.Group ?? "the group", x.On)).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>The person says, in their own words, how an outing went. Spends the link: one say per link.</summary>
public sealed record SayHowItWent(Guid LinkId, string? HowItWent, string? Words) : IRequest<bool>, ISaysHowItWent;

public sealed class SayHowItWentValidator : SaysHowItWentValidator<SayHowItWent>;

public sealed class SayHowItWentHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<SayHowItWent, bool>
{
    /// <returns>False when the link no longer works (used, expired, or the outing already has a say).</returns>
    public async Task<bool> Handle(SayHowItWent request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await db.OutingFeedbackLinks.FirstOrDefaultAsync(l => l.Id == request.LinkId, cancellationToken);
        if (link is null || !link.CanBeUsedAt(now))
        {
            return false;
        }
        var outing = await db.Outings.FirstAsync(o => o.Id == link.OutingId, cancellationToken);
        try
        {
            link.Use(now);
            outing.PersonSays(HowItWentAnswer.Kept(HowItWentAnswer.Read(request.HowItWent)!.Value), request.Words, now);
        }
        catch (DomainRuleException)
        {
            return false;
        }
        // Two sends of one link at once: the link's version lets one through.
        return await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency);
    }
}
