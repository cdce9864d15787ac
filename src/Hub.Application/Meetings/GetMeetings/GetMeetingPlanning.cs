using Hub.Application.Common.Access;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Conversations;
using Hub.Domain.Contacts;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Meetings.GetMeetings;

/// <summary>Who can be invited to a network meeting for this person, and the meetings of their spell.</summary>
public sealed record GetMeetingPlanning(Guid ReferralId) : IRequest<MeetingPlanning>, IReferralScoped;

public sealed record MeetingPlanning(Guid ReferralId, string Reference, bool SpellOpen, IReadOnlyList<Invitee> CareTeam, IReadOnlyList<string> Network, IReadOnlyList<MeetingRow> Meetings);

public sealed record Invitee(Guid MemberId, string Name);

/// <param name="CouldJoin">Whether the person said this network member could join a meeting.</param>
public sealed record MeetingRow(Guid MeetingId, DateTimeOffset At, ContactMedium Medium, ContactPlace Place, MeetingStatus Status,
    IReadOnlyList<Invitee> Staff, IReadOnlyList<string> Network, string? Purpose);

public sealed class GetMeetingPlanningHandler(IApplicationDbContext db, IStaffDirectory staff) : IRequestHandler<GetMeetingPlanning, MeetingPlanning>
{
    public async Task<MeetingPlanning> Handle(GetMeetingPlanning request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == request.ReferralId)
            .Select(r => new { r.Id, r.Reference, r.SpellId, r.PersonId }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The referral");
        var spellOpen = await db.Spells.AnyAsync(s => s.Id == referral.SpellId && s.EndedAt == null, cancellationToken);

        var team = await db.CareTeamMembers.AsNoTracking().Where(m => m.SpellId == referral.SpellId && m.LeftAt == null)
            .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).Select(m => m.MemberId).ToListAsync(cancellationToken);

        // The people the person named in their latest conversation (this spell's, or the one carried forward).
        var latest = await db.LatestConversationContent(referral.PersonId, referral.SpellId, cancellationToken);
        // Only those the person said could join: someone they find hard is never put forward.
        var network = (latest?.Network ?? []).Where(n => n.CouldJoinMeeting).Select(n => n.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var meetings = await db.NetworkMeetings.AsNoTracking().Where(m => m.SpellId == referral.SpellId).OrderByDescending(m => m.At).ToListAsync(cancellationToken);
        var names = await staff.DisplayNames(team.Concat(meetings.SelectMany(m => m.StaffInvitees)), cancellationToken);
        Invitee Named(Guid id) => new(id, names.TryGetValue(id, out var n) ? n : "A former member of staff");

        return new MeetingPlanning(referral.Id, referral.Reference, spellOpen, team.Select(Named).ToList(), network,
            meetings.Select(m => new MeetingRow(m.Id, m.At, m.Medium, m.Place, m.Status, m.StaffInvitees.Select(Named).ToList(), m.NetworkInvitees, m.Purpose)).ToList());
    }
}
