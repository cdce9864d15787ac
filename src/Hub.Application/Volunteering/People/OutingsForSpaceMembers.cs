using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Space.Outings;
using Hub.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.People;

/// <summary>
/// The volunteer side's answer to the space's seam: the outings that happened on requests made with
/// the address a space signs in with. The space's key and the request's key are the one
/// <c>ContactKey</c>, so the match is an equality on a keyed hash, never a search of raw addresses
/// (docs/decisions/041). The person sees the group, the day and the volunteer's first name; never the
/// volunteer's note, which is their record for the coordinator.
/// </summary>
public sealed class OutingsForSpaceMembers(IApplicationDbContext db, TimeProvider clock) : IOutingsForCommunityMember
{
    /// <summary>Enough for anyone's outings; a space shows the newest.</summary>
    public const int MaxShown = 50;

    public async Task<IReadOnlyList<OutingForMember>> ForMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        (await Shown(Of(memberId).OrderByDescending(o => o.On).ThenByDescending(o => o.RecordedAt).Take(MaxShown)).ToListAsync(cancellationToken))
        .Select(Seen).ToList();

    public async Task<OutingForMember?> FindForMemberAsync(Guid memberId, Guid outingId, CancellationToken cancellationToken) =>
        await Shown(Of(memberId).Where(o => o.Id == outingId)).FirstOrDefaultAsync(cancellationToken) is { } row ? Seen(row) : null;

    public async Task<bool?> SayAsync(Guid memberId, Guid outingId, OutingSay say, string? words, CancellationToken cancellationToken)
    {
        if (!await Of(memberId).AnyAsync(o => o.Id == outingId, cancellationToken))
        {
            return null;
        }
        var outing = await db.Outings.FirstAsync(o => o.Id == outingId, cancellationToken);
        if (outing.PersonSaidAt is not null)
        {
            return false;
        }
        outing.PersonSays(HowItWentAnswer.Kept(say), words, clock.GetUtcNow());
        // Said twice at once (two tabs, or the old emailed link): the outing's say is a concurrency token, so the first stands.
        return await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency);
    }

    /// <summary>The member's outings that happened: their space's key is the request's contact key.</summary>
    private IQueryable<Outing> Of(Guid memberId) =>
        from o in db.Outings.AsNoTracking()
        join r in db.SupportRequests on o.RequestId equals r.Id
        join m in db.SpaceMembers on r.ContactKey equals m.AddressKey
        where m.Id == memberId && o.Happened
        select o;

    private IQueryable<Row> Shown(IQueryable<Outing> outings) =>
        from o in outings
        select new Row(o.Id,
            db.SupportRequests.Where(r => r.Id == o.RequestId).Join(db.CommunityOffers, r => r.OfferId, c => c.Id, (r, c) => c.Name).FirstOrDefault(),
            o.On,
            db.Volunteers.Where(v => v.Id == o.VolunteerId).Select(v => v.FirstName).FirstOrDefault(),
            o.PersonSaid, o.PersonWords, o.PersonSaidAt);

    private static OutingForMember Seen(Row row) => new(row.Id, row.Group ?? "a group", row.On, row.Volunteer ?? "your volunteer",
        row.Said is { } said ? HowItWentAnswer.Shown(said) : null, row.Words, row.SaidAt, row.SaidAt is null ? OutingForMember.AddressOf(row.Id) : null);

    private sealed record Row(Guid Id, string? Group, DateOnly On, string? Volunteer, HowItWent? Said, string? Words, DateTimeOffset? SaidAt);
}
