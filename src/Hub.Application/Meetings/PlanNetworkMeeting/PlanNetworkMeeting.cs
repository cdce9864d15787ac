using FluentValidation;
using Hub.Application.CareTeams;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Loading;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Contacts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Meetings.PlanNetworkMeeting;

/// <summary>
/// Plans an Open Dialogue network meeting with the person, members of their care team and people
/// from their network. Invited staff get an email with the date and the reference.
/// </summary>
public sealed record PlanNetworkMeeting(Guid ReferralId, DateTimeOffset At, ContactMedium Medium, ContactPlace Place,
    IReadOnlyList<Guid> StaffInvitees, IReadOnlyList<string> NetworkInvitees, string? Purpose) : IRequest<Guid>, IReferralScoped;

public sealed class PlanNetworkMeetingValidator : AbstractValidator<PlanNetworkMeeting>
{
    public PlanNetworkMeetingValidator(TimeProvider clock)
    {
        RuleFor(c => c.At).Must(at => at >= clock.GetUtcNow().AddHours(-12)).WithMessage("The meeting must be today or later. Record a meeting already held as a contact");
        RuleFor(c => c.At).Must(at => at <= clock.GetUtcNow().AddYears(1)).WithMessage("The meeting must be within the next year");
        RuleFor(c => c.Medium).IsInEnum().WithMessage("Select how people will meet");
        RuleFor(c => c.Place).IsInEnum().WithMessage("Select where the meeting will be");
        RuleFor(c => c.StaffInvitees).Must(s => s.Count > 0).WithMessage("Invite at least one member of the care team");
        RuleFor(c => c.NetworkInvitees).Must(n => n.Count <= NetworkMeeting.MaxNetworkInvitees).WithMessage($"Invite at most {NetworkMeeting.MaxNetworkInvitees} people from the network");
        RuleForEach(c => c.NetworkInvitees).SafeText("A name", 200, multiline: false);
        RuleFor(c => c.Purpose).SafeText("What the meeting is for", 2000, multiline: true);
    }
}

public sealed class PlanNetworkMeetingHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock, CareTeamEmails emails)
    : IRequestHandler<PlanNetworkMeeting, Guid>
{
    public async Task<Guid> Handle(PlanNetworkMeeting request, CancellationToken cancellationToken)
    {
        var (referral, spell) = await db.LoadSpellOfReferral(request.ReferralId, cancellationToken);
        if (!spell.IsOpen)
        {
            throw Refuse.Because(nameof(request.At), "This person's spell has closed. If they come back, a new referral reopens it");
        }
        var team = await db.CareTeamMembers.Where(m => m.SpellId == spell.Id && m.LeftAt == null).Select(m => m.MemberId).ToListAsync(cancellationToken);
        if (request.StaffInvitees.Any(id => !team.Contains(id)))
        {
            throw Refuse.Because(nameof(request.StaffInvitees), "Invite members of the person's care team. Offer anyone else a place on the team first");
        }

        var me = user.Id;
        var meeting = new NetworkMeeting(spell.Id, spell.PersonId, request.At, request.Medium, request.Place,
            request.StaffInvitees, request.NetworkInvitees, request.Purpose, me, clock.GetUtcNow());
        db.NetworkMeetings.Add(meeting);
        await emails.MeetingPlanned(request.StaffInvitees.Where(id => id != me), referral.Reference, request.At, cancellationToken);
        audit.Record(AuditAction.Create, spell.PersonId, nameof(NetworkMeeting), meeting.Id, "Care team: plan network meeting");
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Id;
    }
}
