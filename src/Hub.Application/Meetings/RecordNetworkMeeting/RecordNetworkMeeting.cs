using FluentValidation;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Loading;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Contacts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Meetings.RecordNetworkMeeting;

/// <summary>
/// Records a planned network meeting once it has happened: one contact with every attendee (the
/// person, staff, and people from the network), its duration, or that the person did not come.
/// </summary>
public sealed record RecordNetworkMeeting(Guid MeetingId, bool PersonAttended, IReadOnlyList<Guid> StaffAttendees, IReadOnlyList<string> NetworkAttendees,
    int? DurationMinutes, string? Note) : IRequest<Unit>, IMeetingScoped;

public sealed class RecordNetworkMeetingValidator : AbstractValidator<RecordNetworkMeeting>
{
    public RecordNetworkMeetingValidator()
    {
        RuleFor(c => c.DurationMinutes).NotNull().WithMessage("Enter how long the meeting lasted, in minutes").When(c => c.PersonAttended);
        RuleFor(c => c.DurationMinutes).InclusiveBetween(1, Contact.MaxDurationMinutes).WithMessage("Enter a duration between 1 and 720 minutes").When(c => c.DurationMinutes is not null);
        RuleFor(c => c.StaffAttendees).Must(s => s.Count > 0).WithMessage("Select who from the care team was there").When(c => c.PersonAttended);
        RuleFor(c => c.NetworkAttendees).Must(n => n.Count <= NetworkMeeting.MaxNetworkInvitees).WithMessage($"Choose at most {NetworkMeeting.MaxNetworkInvitees} people from the network");
        RuleForEach(c => c.NetworkAttendees).SafeText("A name", 200, multiline: false);
        RuleFor(c => c.Note).SafeText("The note", 2000, multiline: true);
    }
}

public sealed class RecordNetworkMeetingHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RecordNetworkMeeting, Unit>
{
    public async Task<Unit> Handle(RecordNetworkMeeting request, CancellationToken cancellationToken)
    {
        var meeting = await db.NetworkMeetings.FirstOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken) ?? throw new NotFoundException("The meeting");
        if (meeting.Status != MeetingStatus.Planned)
        {
            throw Refuse.Because(nameof(request.PersonAttended), "This meeting has already been recorded or cancelled");
        }
        var now = clock.GetUtcNow();
        if (meeting.At > now.AddMinutes(5))
        {
            throw Refuse.Because(nameof(request.PersonAttended), $"The meeting is planned for {Hub.Application.Common.UkTime.Format(meeting.At)}. Record it once it has happened");
        }
        if (request.StaffAttendees.Any(id => !meeting.StaffInvitees.Contains(id)))
        {
            throw Refuse.Because(nameof(request.StaffAttendees), "Choose from the staff who were invited");
        }
        if (request.NetworkAttendees.Any(name => !meeting.NetworkInvitees.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            throw Refuse.Because(nameof(request.NetworkAttendees), "Choose from the people who were invited");
        }

        var referral = await db.CurrentReferralOfSpell(meeting.SpellId, cancellationToken);
        var contact = referral.RecordMeeting(meeting, request.PersonAttended, request.DurationMinutes, request.StaffAttendees,
            request.NetworkAttendees.Select(n => TextRules.Clean(n)!).Where(n => n is not null), TextRules.Clean(request.Note), user.Id, now);
        db.Contacts.Add(contact);
        audit.Record(AuditAction.Create, meeting.PersonId, nameof(Contact), contact.Id, "Care team: record network meeting");
        await db.SaveOrRefuseAsync(nameof(request.PersonAttended), "Someone changed this person's record at the same moment. Nothing was saved: record the meeting again", cancellationToken, SaveClash.Concurrency);
        return Unit.Value;
    }
}
