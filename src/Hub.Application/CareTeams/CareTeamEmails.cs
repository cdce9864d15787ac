using Hub.Application.Common;
using Hub.Application.Common.Interfaces;

namespace Hub.Application.CareTeams;

/// <summary>
/// The emails staff get about care-team work. They carry the referral reference and a link, never
/// the person's name or story: the record itself is behind sign-in.
/// </summary>
public sealed class CareTeamEmails(IEmailOutbox outbox, IStaffDirectory staff, HubAddress address)
{
    public async Task HandoffOffered(Guid toMemberId, string reference, bool asLead, CancellationToken cancellationToken)
    {
        var emails = await staff.Emails([toMemberId], cancellationToken);
        if (emails.TryGetValue(toMemberId, out var to))
        {
            outbox.Enqueue(new OutgoingEmail(to, $"Living Well Hub: work offered to you ({reference})",
                $"A member of the hub has offered you work with a person {(asLead ? "as their lead worker" : "as part of their care team")} (reference {reference}).\n\n" +
                $"Read the handoff note and accept or decline: {address.Link("/staff/handoffs")}\n",
                "handoff-offered"));
        }
    }

    public async Task HandoffDeclined(Guid fromUserId, string reference, CancellationToken cancellationToken)
    {
        var leaders = await staff.InRole(Roles.TeamLeader, cancellationToken);
        var emails = await staff.Emails(leaders.Append(fromUserId), cancellationToken);
        foreach (var to in emails.Values.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(new OutgoingEmail(to, $"Living Well Hub: a handoff was declined ({reference})",
                $"A handoff for reference {reference} was declined and is back in the allocation queue with the reason.\n\n" +
                $"Open the queue: {address.Link("/staff/allocation")}\n",
                "handoff-declined"));
        }
    }

    public async Task WorkReallocated(Guid toMemberId, int count, CancellationToken cancellationToken)
    {
        var emails = await staff.Emails([toMemberId], cancellationToken);
        if (emails.TryGetValue(toMemberId, out var to) && count > 0)
        {
            outbox.Enqueue(new OutgoingEmail(to, "Living Well Hub: work reallocated to you",
                $"A team leader has reallocated {count} {(count == 1 ? "person's care" : "people's care")} to you.\n\n" +
                $"See your caseload: {address.Link("/staff/handoffs")}\n",
                "caseload-reallocated"));
        }
    }

    public async Task MeetingPlanned(IEnumerable<Guid> invitees, string reference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var emails = await staff.Emails(invitees, cancellationToken);
        foreach (var to in emails.Values.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(new OutgoingEmail(to, $"Living Well Hub: network meeting on {UkTime.Format(at)}",
                $"You are invited to a network meeting for reference {reference} on {UkTime.Format(at)}.\n\n" +
                $"See the details in the record: {address.Link("/staff/handoffs")}\n",
                "network-meeting-planned"));
        }
    }
}
