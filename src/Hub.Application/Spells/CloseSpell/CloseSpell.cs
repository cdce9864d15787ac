using FluentValidation;
using Hub.Application.CareTeams;
using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Common.Loading;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Contacts;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Spells.CloseSpell;

/// <summary>
/// Easy out: the care team closes the person's spell with the reason, closing its open referrals,
/// withdrawing offers nobody answered and cancelling planned meetings. The person gets a message
/// telling them how to come back (by email when that is how they asked to be contacted); the care
/// team is kept, so a return within five days carries straight on.
/// </summary>
public sealed record CloseSpell(Guid ReferralId, SpellClosureReason Reason, string? Note, Guid ExpectedVersion) : IRequest<CloseSpellResult>, IReferralScoped;

public enum CloseSpellOutcome
{
    Closed = 1,
    ChangedBySomeoneElse = 2,
    AlreadyClosed = 3,
}

/// <param name="ComeBackMessage">The words to give the person about coming back.</param>
/// <param name="Emailed">Whether the message was queued to the person's email.</param>
public sealed record CloseSpellResult(CloseSpellOutcome Outcome, string? ComeBackMessage, bool Emailed);

public sealed class CloseSpellValidator : AbstractValidator<CloseSpell>
{
    public CloseSpellValidator()
    {
        RuleFor(c => c.Reason).IsInEnum().WithMessage("Choose why the spell is closing");
        RuleFor(c => c.Note).SafeText("The note", 2000, multiline: true, storedMax: 2000);
    }
}

public sealed class CloseSpellHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock, IEmailOutbox outbox, HubAddress address)
    : IRequestHandler<CloseSpell, CloseSpellResult>
{
    public async Task<CloseSpellResult> Handle(CloseSpell request, CancellationToken cancellationToken)
    {
        var (_, spell) = await db.LoadSpellOfReferral(request.ReferralId, cancellationToken);
        if (!spell.IsOpen)
        {
            return new CloseSpellResult(CloseSpellOutcome.AlreadyClosed, null, false);
        }
        if (spell.Version != request.ExpectedVersion)
        {
            return new CloseSpellResult(CloseSpellOutcome.ChangedBySomeoneElse, null, false);
        }

        var me = user.Id;
        if (await db.Referrals.AnyAsync(r => r.SpellId == spell.Id && r.Status == ReferralStatus.AwaitingTriage, cancellationToken))
        {
            throw Refuse.Because(nameof(request.Reason), "A new request from this person is waiting for triage. Triage it first, so it is not closed unread");
        }
        var now = clock.GetUtcNow();
        var team = await db.LoadCareTeam(spell, cancellationToken);
        team.Close(request.Reason, request.Note, me, user.IsInRole(Roles.TeamLeader), now).ThrowIfRefused(nameof(request.Reason));

        var open = await db.Referrals.Where(r => r.SpellId == spell.Id && r.Status != ReferralStatus.Closed).ToListAsync(cancellationToken);
        open.ForEach(r => r.CloseWithSpell(me, now));
        var meetings = await db.NetworkMeetings.Where(m => m.SpellId == spell.Id && m.Status == MeetingStatus.Planned && m.At > now).ToListAsync(cancellationToken);
        meetings.ForEach(m => m.Cancel());

        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == spell.PersonId, cancellationToken);
        var message = ComeBackMessage(person.PreferredName);
        // Only to someone who asked for email and did not tell us messages are unsafe; the subject says nothing about mental health.
        var emailed = person.Contact.PreferredMethod == ContactMethod.Email && person.Contact.Email is not null && person.Contact.SafeToLeaveMessage != false;
        if (emailed)
        {
            outbox.Enqueue(new OutgoingEmail(person.Contact.Email!, "A message from the Living Well team", message, "spell-closed-come-back", person.Id));
        }
        // The way back by text, only when the person chose texts and said messages are safe (issue 21).
        else if (MessageRoute.TextTo(person.Contact) is { } mobile)
        {
            outbox.Enqueue(new OutgoingText(mobile, MessageTemplates.WayBack, new Dictionary<string, string> { ["link"] = address.Link("/refer") }, "way-back", person.Id));
        }

        audit.Record(AuditAction.Update, spell.PersonId, nameof(ReferralSpell), spell.Id, "Care team: close spell");
        return await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency)
            ? new CloseSpellResult(CloseSpellOutcome.Closed, message, emailed)
            : new CloseSpellResult(CloseSpellOutcome.ChangedBySomeoneElse, null, false);
    }

    /// <summary>Plain words, no clinical detail: an email can be read by someone else.</summary>
    private string ComeBackMessage(string? name) =>
        $"{(name is null ? "Hello" : "Hello " + name)},\n\n" +
        "Your time with the Living Well Hub has come to an end for now. You can come back at any time, for any reason: " +
        $"fill in the short form at {address.Link("/refer")} or ask anyone who supports you to get in touch.\n\n" +
        "When you come back we start from what you have already told us, with the same worker where we can. " +
        "You will not have to tell your story again.\n\n" +
        "If you need help urgently, call 999, or NHS 111 and choose option 2 for mental health. Samaritans are there day and night on 116 123.\n";
}
