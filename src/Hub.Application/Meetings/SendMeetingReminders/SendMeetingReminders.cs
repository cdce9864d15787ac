using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Domain.Contacts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Meetings.SendMeetingReminders;

/// <summary>
/// Reminds the person of a planned network meeting, once, within a day of it: by text when they
/// gave a mobile, chose texts and said messages are safe; otherwise by email when they gave an
/// address and did not say messages are unsafe; otherwise nothing (staff already see on the record
/// why nothing can be sent). The reminder says only the day and the time: no place, no names, no
/// service or clinical words. The mark that it was done is saved with the message in one
/// transaction, so however often the job runs each meeting gets one reminder.
/// </summary>
public sealed record SendMeetingReminders : IRequest<int>, IRoutineJobRequest;

public sealed class SendMeetingRemindersHandler(IApplicationDbContext db, IEmailOutbox outbox, TimeProvider clock) : IRequestHandler<SendMeetingReminders, int>
{
    public const int Batch = 200;
    public const string Purpose = "meeting-reminder";

    public async Task<int> Handle(SendMeetingReminders request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + NetworkMeeting.RemindBefore;
        var due = await db.NetworkMeetings
            .Where(m => m.Status == MeetingStatus.Planned && m.ReminderSentAt == null && m.At > now && m.At <= until
                && db.Spells.Any(s => s.Id == m.SpellId && s.EndedAt == null))
            .OrderBy(m => m.At).Take(Batch).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var meeting in due)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == meeting.PersonId).Select(p => new { p.PreferredName, p.Contact }).FirstAsync(cancellationToken);
            var local = UkTime.ToLocal(meeting.At);
            var date = local.ToString("dddd d MMMM", UkTime.Culture);
            var time = local.ToString("h:mmtt", UkTime.Culture).ToLowerInvariant();
            var route = MessageRoute.For(person.Contact);
            if (route.Channel == MessageChannel.Text)
            {
                outbox.Enqueue(new OutgoingText(route.To!, MessageTemplates.MeetingReminder, new Dictionary<string, string> { ["date"] = date, ["time"] = time },
                    Purpose, meeting.PersonId));
                queued++;
            }
            else if (route.Channel == MessageChannel.Email)
            {
                var hello = MessageRoute.FirstName(person.PreferredName, person.Contact) is { } first ? "Hello " + first : "Hello";
                outbox.Enqueue(new OutgoingEmail(route.To!, "A reminder of your meeting",
                    $"{hello},\n\nA reminder that your meeting is on {date} at {time}.\n\nIf you cannot come, or would like to change it, tell whoever supports you.\n",
                    Purpose, meeting.PersonId));
                queued++;
            }
            meeting.MarkReminded(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return queued;
    }
}
