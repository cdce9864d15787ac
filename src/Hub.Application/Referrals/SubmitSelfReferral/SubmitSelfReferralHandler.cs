using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Referrals.SubmitSelfReferral;

public sealed class SubmitSelfReferralHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock, IEmailOutbox outbox, TriageNotificationSettings notifications,
    ReferenceConfirmationSettings confirmation, IPossibleMatchSearch matches)
    : IRequestHandler<SubmitSelfReferral, SubmitSelfReferralResult>
{
    private const int MaxCandidates = 5;

    /// <summary>
    /// Writes the referral in one round trip on PostgreSQL: one batch with every row, the possible-match
    /// suggestions searched and written by the server inside it (docs/decisions/052), and the audit row
    /// unsealed (the sealer chains it later). Elsewhere the search is a round trip of its own first. A
    /// repeated form token is decided by the unique index alone: the batch fails, nothing is kept,
    /// and the stored reference is read back only then.
    /// </summary>
    public async Task<SubmitSelfReferralResult> Handle(SubmitSelfReferral request, CancellationToken cancellationToken)
    {
        // The search and the write on one connection: one session reset, not one per command.
        await using var connection = await db.HoldConnectionAsync(cancellationToken);
        // A reference collision is possible (about 34 bits); try again with a fresh one.
        for (var attempt = 1; ; attempt++)
        {
            var (reference, confirmation) = await Store(request, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new SubmitSelfReferralResult(reference, AlreadySubmitted: false, confirmation);
            }
            catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
            {
                db.DiscardChanges();
                if (await FindByToken(request.FormToken, cancellationToken) is { } stored)
                {
                    return new SubmitSelfReferralResult(stored, AlreadySubmitted: true);
                }
                if (attempt == 3)
                {
                    throw;
                }
            }
        }
    }

    private async Task<(string Reference, ConfirmationChannel Confirmation)> Store(SubmitSelfReferral request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var person = request.Answers.ToPerson(now);
        var spell = new ReferralSpell(person.Id, now);
        var reference = ReferralReference.New();
        var referral = Referral.SelfReferral(reference, person, spell, now,
            TextRules.Clean(request.Answers.WhatIsHappening) ?? string.Empty,
            TextRules.Clean(request.Answers.WhatWouldHelp),
            SelfReferralAnswersMapping.YesNo(request.Answers.ConsentToShare) ?? false,
            request.FormToken);

        db.People.Add(person);
        db.Spells.Add(spell);
        db.Referrals.Add(referral);
        // Searched by the database in the write's own round trip where it can (docs/decisions/052); otherwise here.
        if (!matches.SuggestInTheSave(person, referral.Id, MaxCandidates))
        {
            foreach (var (candidateId, reasons) in await FindEarlierRecords(person, cancellationToken))
            {
                db.PossibleMatches.Add(new PossibleMatch(referral.Id, candidateId, reasons));
            }
        }
        audit.Record(AuditAction.Create, person.Id, nameof(Referral), referral.Id, "Public self-referral");
        if (notifications.TriageInbox is { Length: > 0 } inbox)
        {
            outbox.Enqueue(new OutgoingEmail(inbox, $"New request for support waiting: {reference}",
                $"A new request for support is waiting in the triage queue.\n\nReference: {reference}\n\n" +
                $"Open the queue: {notifications.PublicBaseUrl.TrimEnd('/')}/staff/triage\n\n" +
                "This email holds no personal details on purpose: sign in to read the request.",
                "triage-new-referral"));
        }
        // The person's own confirmation, in the same transaction: the referral and its message are stored together or not at all.
        var channel = ReferenceConfirmation.ChannelFor(person.Contact);
        switch (channel)
        {
            case ConfirmationChannel.Email:
                outbox.Enqueue(ReferenceConfirmation.Email(person.Contact.Email!, reference, confirmation));
                break;
            case ConfirmationChannel.Text:
                // Only to a mobile the person gave when they chose texts and said messages are safe.
                outbox.Enqueue(new OutgoingText(person.Contact.Phone!, MessageTemplates.ReferralConfirmation,
                    new Dictionary<string, string> { ["reference"] = $"{reference}" }, "referral-confirmation", person.Id));
                break;
            case ConfirmationChannel.None:
                break;
        }
        return (reference, channel);
    }

    private async Task<string?> FindByToken(Guid token, CancellationToken cancellationToken) =>
        await db.Referrals.AsNoTracking().Where(r => r.FormToken == token).Select(r => r.Reference).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Earlier records that may be this person; suggestions only (see <see cref="ReturningPersonMatch"/>).</summary>
    private async Task<List<(Guid, MatchReasons)>> FindEarlierRecords(Person incoming, CancellationToken cancellationToken)
    {
        if (incoming.PhoneKey is null && incoming.EmailKey is null && (incoming.DateOfBirth is null || incoming.NameKey is null))
        {
            return [];
        }

        var candidates = await matches.FindAsync(incoming, MaxCandidates, cancellationToken);
        return candidates
            .Select(c => (c.PersonId, ReturningPersonMatch.Compare(incoming, c)))
            .Where(m => m.Item2 != MatchReasons.None)
            .ToList();
    }
}
