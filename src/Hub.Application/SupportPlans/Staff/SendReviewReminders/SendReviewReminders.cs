using Hub.Application.Common.Saving;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Staff.SendReviewReminders;

/// <summary>
/// Sends review reminders that are due: for each plan whose review date is within a week and has no
/// reminder for that date yet, the lead worker (and the person, if they asked) get one email. The
/// mark that it was sent is saved with the emails in one transaction, so however often the job runs,
/// each review date gets one reminder.
/// </summary>
public sealed record SendReviewReminders : IRequest<int>, Common.Interfaces.IRoutineJobRequest;

public sealed class SendReviewRemindersHandler(IApplicationDbContext db, IStaffDirectory staff, IEmailOutbox outbox, HubAddress address, TimeProvider clock)
    : IRequestHandler<SendReviewReminders, int>
{
    public const int Batch = 200;

    public async Task<int> Handle(SendReviewReminders request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLocal(clock.GetUtcNow()));
        var until = today.AddDays(SupportPlan.RemindDaysBefore);
        var candidates = await db.SupportPlans
            .Where(p => p.ReviewOn != null && p.ReviewOn >= today && p.ReviewOn <= until && (p.ReminderSentFor == null || p.ReminderSentFor != p.ReviewOn)
                && db.Spells.Any(s => s.Id == p.SpellId && s.EndedAt == null))
            .OrderBy(p => p.ReviewOn).Take(Batch).ToListAsync(cancellationToken);
        var due = candidates.Where(p => p.ReminderDue(today)).ToList();
        var sent = 0;
        foreach (var plan in due)
        {
            var lead = await db.CareTeamMembers.Where(m => m.SpellId == plan.SpellId && m.LeftAt == null && m.Role == Domain.CareTeams.CareTeamRole.Lead)
                .Select(m => (Guid?)m.MemberId).FirstOrDefaultAsync(cancellationToken);
            var reference = await db.Referrals.Where(r => r.SpellId == plan.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).FirstAsync(cancellationToken);
            var review = plan.Content.ReviewOn!.Value.ToString("d MMMM yyyy", UkTime.Culture);
            if (lead is { } leadId && (await staff.Emails([leadId], cancellationToken)).TryGetValue(leadId, out var leadEmail))
            {
                outbox.Enqueue(new OutgoingEmail(leadEmail, $"Living Well Hub: plan review on {review} ({reference})",
                    $"The support plan for reference {reference} is due for review on {review}.\n\nOpen the record: {address.Link("/staff/handoffs")}\n", "plan-review-reminder"));
            }
            if (plan.RemindMe)
            {
                var person = await db.People.AsNoTracking().Where(p => p.Id == plan.PersonId).Select(p => new { p.PreferredName, p.Contact }).FirstAsync(cancellationToken);
                if (MessageRoute.TextTo(person.Contact) is { } mobile)
                {
                    outbox.Enqueue(new OutgoingText(mobile, MessageTemplates.ReviewReminder, new Dictionary<string, string> { ["date"] = review },
                        "plan-review-reminder-person", plan.PersonId));
                }
                else if (person.Contact.Email is { } email && person.Contact.SafeToLeaveMessage != false)
                {
                    outbox.Enqueue(new OutgoingEmail(email, "Your plan: time to look at it again",
                        $"{(person.PreferredName is null ? "Hello" : "Hello " + person.PreferredName)},\n\nYou asked us to remind you: your plan is due to be looked at again on {review}. Whoever supports you will be in touch, or you can ask them.\n",
                        "plan-review-reminder-person", plan.PersonId));
                }
            }
            plan.MarkReminded();
            // False when the person saved their plan at that moment: the next run sees the new review date.
            if (await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency))
            {
                sent++;
            }
        }
        return sent;
    }
}
