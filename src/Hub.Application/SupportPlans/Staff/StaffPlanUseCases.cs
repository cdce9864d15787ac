using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Application.Conversations;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Conversations;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Staff;

/// <summary>
/// Starts the person's plan for their spell from what they already said (their last conversation,
/// or the plan of their last spell when they have come back), or returns the one already started.
/// </summary>
public sealed record StartSupportPlan(Guid ReferralId) : IRequest<Guid>, IReferralScoped;

public sealed class StartSupportPlanHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<StartSupportPlan, Guid>
{
    public async Task<Guid> Handle(StartSupportPlan request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.ReferralId, cancellationToken) ?? throw new NotFoundException("The referral");
        if (await db.SupportPlans.Where(p => p.SpellId == referral.SpellId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var earlierPlan = await db.SupportPlans.AsNoTracking().Where(p => p.PersonId == referral.PersonId)
            .OrderByDescending(p => p.UpdatedAt).Select(p => p.Content).FirstOrDefaultAsync(cancellationToken);
        var conversation = await db.LatestConversationContent(referral.PersonId, referral.SpellId, cancellationToken, completedOnly: true);
        var drafted = earlierPlan ?? (conversation is null ? PlanContent.Empty : PlanDrafting.FromConversation(conversation, DateOnly.FromDateTime(UkTime.ToLocal(now))));

        var (plan, version) = SupportPlan.StartFromConversation(referral.PersonId, referral.SpellId, drafted, user.UserId!.Value, now);
        db.SupportPlans.Add(plan);
        db.PlanVersions.Add(version);
        audit.Record(AuditAction.Create, referral.PersonId, nameof(SupportPlan), plan.Id, "Support plan: start");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            db.DiscardChanges();
            return await db.SupportPlans.Where(p => p.SpellId == referral.SpellId).Select(p => p.Id).FirstAsync(cancellationToken);
        }
        return plan.Id;
    }
}

/// <summary>The plan as staff see it: the person's words, every version with its author, suggestions and access.</summary>
public sealed record GetStaffPlan(Guid ReferralId) : IRequest<StaffPlanView?>, IReferralScoped;

public sealed record StaffPlanView(Guid ReferralId, string Reference, string? PersonName, bool HasEmail, Guid PlanId, PlanContent Content, int VersionNumber,
    DateTimeOffset UpdatedAt, PlanAuthor UpdatedBy, DateTimeOffset? AgreedAt, IReadOnlyList<VersionRow> Versions, IReadOnlyList<SuggestionRow> Suggestions,
    int ActiveSessions, DateTimeOffset? LastLinkSentAt, IReadOnlyList<CheckInRow> CheckIns, IReadOnlyList<NoteRow> SharedNotes);

public sealed record CheckInRow(int Mood, string? Words, DateTimeOffset At);

public sealed record NoteRow(string Text, string By, DateTimeOffset At);

public sealed record VersionRow(int Number, PlanAuthor Author, string AuthorName, DateTimeOffset At);

public sealed record SuggestionRow(Guid SuggestionId, PlanSection Section, string Text, string? Extra, string By, DateTimeOffset At, SuggestionStatus Status);

public sealed class GetStaffPlanHandler(IApplicationDbContext db, IStaffDirectory staff, AuditTrail audit, TimeProvider clock) : IRequestHandler<GetStaffPlan, StaffPlanView?>
{
    public async Task<StaffPlanView?> Handle(GetStaffPlan request, CancellationToken cancellationToken)
    {
        var found = await (from r in db.Referrals.AsNoTracking()
                           join p in db.People on r.PersonId equals p.Id
                           where r.Id == request.ReferralId
                           select new { r.Reference, r.SpellId, Person = p }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The referral");
        var plan = await db.SupportPlans.AsNoTracking().FirstOrDefaultAsync(p => p.SpellId == found.SpellId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderByDescending(v => v.Number).Take(50)
            .Select(v => new { v.Number, v.Author, v.AuthorUserId, v.At }).ToListAsync(cancellationToken);
        var suggestions = await db.PlanSuggestions.AsNoTracking().Where(s => s.PlanId == plan.Id).OrderByDescending(s => s.SuggestedAt).Take(50).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var sessions = await db.PersonSessions.AsNoTracking().Where(s => s.PersonId == plan.PersonId && s.EndedAt == null).ToListAsync(cancellationToken);
        var lastLink = await db.PlanAccessLinks.AsNoTracking().Where(l => l.PersonId == plan.PersonId).MaxAsync(l => (DateTimeOffset?)l.IssuedAt, cancellationToken);
        var checkIns = await db.MoodCheckIns.AsNoTracking().Where(c => c.PlanId == plan.Id).OrderByDescending(c => c.At).Take(10)
            .Select(c => new CheckInRow(c.Mood, c.Words, c.At)).ToListAsync(cancellationToken);
        var shared = await db.SharedNotes.AsNoTracking().Where(n => n.PlanId == plan.Id).OrderByDescending(n => n.At).Take(20).ToListAsync(cancellationToken);
        var names = await staff.DisplayNames(versions.Select(v => v.AuthorUserId).OfType<Guid>().Concat(suggestions.Select(s => s.SuggestedByUserId))
            .Concat(shared.Select(n => n.ByUserId)), cancellationToken);
        string NameOf(Guid? id) => id is { } g && names.TryGetValue(g, out var n) ? n : "A former member of staff";

        audit.Record(AuditAction.View, plan.PersonId, nameof(SupportPlan), plan.Id, "Support plan: staff view");
        await db.SaveChangesAsync(cancellationToken);
        return new StaffPlanView(request.ReferralId, found.Reference, found.Person.PreferredName, found.Person.Contact.Email is not null, plan.Id, plan.Content,
            plan.VersionNumber, plan.UpdatedAt, plan.UpdatedByAuthor, plan.AgreedAt,
            versions.Select(v => new VersionRow(v.Number, v.Author, v.Author == PlanAuthor.Person ? "The person" : NameOf(v.AuthorUserId), v.At)).ToList(),
            suggestions.Select(s => new SuggestionRow(s.Id, s.Section, s.Text, s.Extra, NameOf(s.SuggestedByUserId), s.SuggestedAt, s.Status)).ToList(),
            sessions.Count(s => s.IsActiveAt(now)), lastLink, checkIns,
            shared.Select(n => new NoteRow(n.Text, NameOf(n.ByUserId), n.At)).ToList());
    }
}

/// <summary>Staff suggest a change; it waits for the person, who accepts or declines it. Nothing the person wrote changes.</summary>
public sealed record SuggestPlanChange(Guid ReferralId, PlanSection Section, string? Text, string? Extra) : IRequest<Unit>, IReferralScoped;

public sealed class SuggestPlanChangeValidator : AbstractValidator<SuggestPlanChange>
{
    public SuggestPlanChangeValidator()
    {
        RuleFor(c => c.Section).IsInEnum().WithMessage("Choose which part of the plan the suggestion is about");
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the suggestion in words the person would use")
            .SafeText("The suggestion", PlanSuggestion.TextMaxLength, multiline: true, storedMax: PlanSuggestion.TextMaxLength);
        RuleFor(c => c.Text).Must(t => DateOnly.TryParseExact(t?.Trim(), "yyyy-MM-dd", out _))
            .When(c => c.Section == PlanSection.ReviewDate).WithMessage("Enter the review date like 2027-01-15");
        RuleFor(c => c.Extra).NotEmpty().When(c => c.Section == PlanSection.AddNumber).WithMessage("Enter the number to call")
            .SafeText("The number", 30, multiline: false);
    }
}

public sealed class SuggestPlanChangeHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<SuggestPlanChange, Unit>
{
    public async Task<Unit> Handle(SuggestPlanChange request, CancellationToken cancellationToken)
    {
        var spellId = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => r.SpellId).FirstAsync(cancellationToken);
        var plan = await db.SupportPlans.AsNoTracking().FirstOrDefaultAsync(p => p.SpellId == spellId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.Text), "Start the person's plan first");
        var suggestion = new PlanSuggestion(plan.Id, plan.PersonId, request.Section, TextRules.Clean(request.Text)!, request.Extra, user.UserId!.Value, clock.GetUtcNow());
        db.PlanSuggestions.Add(suggestion);
        audit.Record(AuditAction.Create, plan.PersonId, nameof(PlanSuggestion), suggestion.Id, "Support plan: suggest a change");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Sends the person a one-time sign-in link to their plan by email, through the outbox. Only to an
/// email address they gave; the message names no service and carries no clinical words.
/// </summary>
public sealed record SendPlanLink(Guid ReferralId) : IRequest<Unit>, IReferralScoped;

public sealed class SendPlanLinkHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock, IEmailOutbox outbox, HubAddress address)
    : IRequestHandler<SendPlanLink, Unit>
{
    public async Task<Unit> Handle(SendPlanLink request, CancellationToken cancellationToken)
    {
        var found = await (from r in db.Referrals.AsNoTracking()
                           join p in db.People on r.PersonId equals p.Id
                           where r.Id == request.ReferralId
                           select new { r.SpellId, Person = p }).FirstAsync(cancellationToken);
        if (!await db.SupportPlans.AnyAsync(p => p.SpellId == found.SpellId, cancellationToken))
        {
            throw Refuse.Because("Link", "Start the person's plan first");
        }
        if (found.Person.Contact.Email is not { } email)
        {
            throw Refuse.Because("Link", "The person has not given an email address. Add one with them first, or show them their plan in person");
        }
        var now = clock.GetUtcNow();
        var (link, token) = PlanAccessLink.Issue(found.Person.Id, user.UserId, now);
        db.PlanAccessLinks.Add(link);
        outbox.Enqueue(Person.PlanLinkEmail.For(email, found.Person.PreferredName, address.Link("/my/link/" + token)));
        audit.Record(AuditAction.Create, found.Person.Id, nameof(PlanAccessLink), link.Id, "Support plan: send link");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Staff end the person's access: unused links stop working and signed-in sessions end at once.</summary>
public sealed record RevokePlanAccess(Guid ReferralId) : IRequest<int>, IReferralScoped;

public sealed class RevokePlanAccessHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock) : IRequestHandler<RevokePlanAccess, int>
{
    public async Task<int> Handle(RevokePlanAccess request, CancellationToken cancellationToken)
    {
        var personId = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => r.PersonId).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var links = await db.PlanAccessLinks.Where(l => l.PersonId == personId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(cancellationToken);
        links.ForEach(l => l.Revoke(now));
        var sessions = await db.PersonSessions.Where(s => s.PersonId == personId && s.EndedAt == null).ToListAsync(cancellationToken);
        sessions.ForEach(s => s.End(now));
        audit.Record(AuditAction.Update, personId, nameof(PersonSession), personId, "Support plan: revoke access");
        await db.SaveChangesAsync(cancellationToken);
        return links.Count + sessions.Count;
    }
}

/// <summary>A member of staff writes a note for the person to read in their plan (staff-only notes stay in the record).</summary>
public sealed record ShareNoteWithPerson(Guid ReferralId, string? Text) : IRequest<Unit>, IReferralScoped;

public sealed class ShareNoteWithPersonValidator : AbstractValidator<ShareNoteWithPerson>
{
    public ShareNoteWithPersonValidator() =>
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the note for the person").SafeText("The note", SharedNote.TextMaxLength, multiline: true, storedMax: SharedNote.TextMaxLength);
}

public sealed class ShareNoteWithPersonHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<ShareNoteWithPerson, Unit>
{
    public async Task<Unit> Handle(ShareNoteWithPerson request, CancellationToken cancellationToken)
    {
        var spellId = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => r.SpellId).FirstAsync(cancellationToken);
        var plan = await db.SupportPlans.AsNoTracking().FirstOrDefaultAsync(p => p.SpellId == spellId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.Text), "Start the person's plan first");
        var note = new SharedNote(plan.Id, plan.PersonId, request.Text!, user.UserId!.Value, clock.GetUtcNow());
        db.SharedNotes.Add(note);
        audit.Record(AuditAction.Create, plan.PersonId, nameof(SharedNote), note.Id, "Support plan: share a note");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Sends review reminders that are due: for each plan whose review date is within a week and has no
/// reminder for that date yet, the lead worker (and the person, if they asked) get one email. The
/// mark that it was sent is saved with the emails in one transaction, so however often the job runs,
/// each review date gets one reminder.
/// </summary>
public sealed record SendReviewReminders : IRequest<int>;

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
                if (person.Contact.Email is { } email && person.Contact.SafeToLeaveMessage != false)
                {
                    outbox.Enqueue(new OutgoingEmail(email, "Your plan: time to look at it again",
                        $"{(person.PreferredName is null ? "Hello" : "Hello " + person.PreferredName)},\n\nYou asked us to remind you: your plan is due to be looked at again on {review}. Whoever supports you will be in touch, or you can ask them.\n",
                        "plan-review-reminder-person"));
                }
            }
            plan.MarkReminded();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // The person saved their plan at that moment; the next run sees the new review date.
                db.DiscardChanges();
            }
        }
        return sent;
    }
}
