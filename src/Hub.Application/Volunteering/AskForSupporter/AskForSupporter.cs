using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.People;
using Hub.Domain.Space;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.AskForSupporter;

/// <summary>
/// The "Can someone come with me?" form as typed: every field text, so anything at all can be
/// posted and each problem is said next to its field. Nothing about diagnosis or severity.
/// </summary>
public sealed class ComeAlongAnswers
{
    public string? FirstName { get; set; }
    public string? WhatToTry { get; set; }
    public string? WhenSuits { get; set; }

    /// <summary>"email" or "text".</summary>
    public string? ReachBy { get; set; }
    public string? Email { get; set; }
    public string? Mobile { get; set; }

    /// <summary>"yes" or "no": may we send a message to that address.</summary>
    public string? MessagesSafe { get; set; }

    public ComeAlongContact ToContact() => ReachBy == "email"
        ? new ComeAlongContact(Domain.Volunteering.ReachBy.Email, Email!.Trim(), null, MessagesSafe == "yes")
        : new ComeAlongContact(Domain.Volunteering.ReachBy.Text, null, Mobile!.Trim(), MessagesSafe == "yes");
}

/// <summary>
/// Someone asks for a volunteer to come with them to <paramref name="OfferId"/>. It waits in the
/// coordinator's queue. <paramref name="FormToken"/> is the form's one-time token: sending the same
/// form again stores one request and one confirmation.
/// </summary>
public sealed record AskForSupporter(Guid OfferId, ComeAlongAnswers Answers, Guid FormToken) : IRequest<Unit>;

public sealed class AskForSupporterValidator : AbstractValidator<AskForSupporter>
{
    public AskForSupporterValidator()
    {
        RuleFor(r => r.FormToken).NotEmpty().WithMessage("This form has expired. Fill it in and send it again").OverridePropertyName(string.Empty);
        RuleFor(r => r.Answers).SetValidator(new ComeAlongAnswersValidator());
    }
}

/// <summary>The rules of the form, with messages in the NHS.UK style.</summary>
public sealed class ComeAlongAnswersValidator : AbstractValidator<ComeAlongAnswers>
{
    public ComeAlongAnswersValidator()
    {
        RuleFor(a => a.FirstName).Must(v => TextRules.Clean(v) is not null).WithMessage("Enter your first name");
        RuleFor(a => a.FirstName).SafeText("Your first name", SupportRequest.FirstNameMaxLength, multiline: false);
        RuleFor(a => a.WhatToTry).Must(v => TextRules.Clean(v) is not null).WithMessage("Say what you would like to try, such as \"going to the painting group\"");
        RuleFor(a => a.WhatToTry).SafeText("What you would like to try", SupportRequest.TextMaxLength, multiline: true);
        RuleFor(a => a.WhenSuits).Must(v => TextRules.Clean(v) is not null).WithMessage("Say when suits you, such as \"Tuesday evenings\"");
        RuleFor(a => a.WhenSuits).SafeText("When suits you", SupportRequest.TextMaxLength, multiline: true);
        RuleFor(a => a.ReachBy).Must(v => v is "email" or "text").WithMessage("Select how we should contact you");
        RuleFor(a => a.Email).NotEmpty().WithMessage("Enter your email address").When(a => a.ReachBy == "email");
        // Whichever was chosen, anything typed in either box is checked, so nothing unreadable is kept or shown back.
        RuleFor(a => a.Email).Must(IsEmail).WithMessage("Enter an email address in the correct format, like name@example.com")
            .When(a => !string.IsNullOrWhiteSpace(a.Email));
        RuleFor(a => a.Mobile).NotEmpty().WithMessage("Enter your mobile number").When(a => a.ReachBy == "text");
        RuleFor(a => a.Mobile).Must(m => m!.Length <= 30 && !TextRules.HasForbiddenCharacters(m, false) && ContactDetails.IsUkMobile(m))
            .WithMessage("Enter a UK mobile number, like 07700 900 982").When(a => !string.IsNullOrWhiteSpace(a.Mobile));
        RuleFor(a => a.MessagesSafe).Must(v => v is "yes" or "no").WithMessage("Select yes if it is safe for us to send you messages");
    }

    internal static bool IsEmail(string? e) => e is not null && e.Length <= 254 && ContactDetails.IsPlausibleEmail(e) && !TextRules.HasForbiddenCharacters(e, false);
}

public sealed class AskForSupporterHandler(IApplicationDbContext db, TimeProvider clock, IEmailOutbox outbox, AuditKey keys) : IRequestHandler<AskForSupporter, Unit>
{
    public async Task<Unit> Handle(AskForSupporter request, CancellationToken cancellationToken)
    {
        if (await db.SupportRequests.AnyAsync(r => r.FormToken == request.FormToken, cancellationToken))
        {
            return Unit.Value;
        }
        if (!await db.CommunityOffers.AnyAsync(o => o.Id == request.OfferId && o.Active, cancellationToken))
        {
            throw new Common.Exceptions.NotFoundException("The group");
        }
        var asked = SupportRequest.Ask(request.OfferId, request.Answers.FirstName!, request.Answers.WhatToTry!, request.Answers.WhenSuits!,
            request.Answers.ToContact(), keys, request.FormToken, clock.GetUtcNow());
        db.SupportRequests.Add(asked);
        ComeAlongMessages.Confirm(outbox, asked.Contact);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            // The same form, sent twice at once: the other send stored it (and its confirmation).
            db.DiscardChanges();
        }
        return Unit.Value;
    }
}

/// <summary>
/// What the person who asked is sent, and the one place that decides whether it goes: only by the
/// way they chose and only when they said messages are safe. Nothing they told us is repeated.
/// </summary>
public static class ComeAlongMessages
{
    public const string ConfirmPurpose = "come-along-received";
    public const string HowItWentPurpose = "how-did-it-go";

    public static bool Confirm(IEmailOutbox outbox, ComeAlongContact contact)
    {
        switch (contact)
        {
            case { MessagesSafe: false }:
                return false;
            case { By: ReachBy.Email, Email: { } email }:
                outbox.Enqueue(new OutgoingEmail(email, "Connect and Do: someone to come with you",
                    "Thank you. We have your request for a volunteer to come with you to a group.\n\n" +
                    "A volunteer coordinator will get in touch, usually within a week, to talk about it and introduce you to a volunteer.\n\n" +
                    "If you need help urgently, call 999, or NHS 111 and choose option 2 for mental health. Samaritans are there day and night on 116 123.\n\n" +
                    "You are getting this email because you asked us to contact you by email and said messages are safe.", ConfirmPurpose));
                return true;
            case { By: ReachBy.Text, Mobile: { } mobile }:
                outbox.Enqueue(new OutgoingText(mobile, MessageTemplates.ComeAlongReceived, new Dictionary<string, string>(), ConfirmPurpose, null));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// After an outing, an invitation to say how it went in the person's own space, by their way and
    /// only if messages are safe. The message holds no link at rest: <paramref name="spaceLinkId"/> is a
    /// pending space sign-in link the sender mints into it when the message goes (docs/decisions/030,
    /// 041), and it lands on the outing. It names no group and nothing they told us. False when nothing can go.
    /// </summary>
    public static bool InviteToSayHowItWent(IEmailOutbox outbox, ComeAlongContact contact, Guid spaceLinkId)
    {
        switch (contact)
        {
            case { MessagesSafe: false }:
                return false;
            case { By: ReachBy.Email, Email: { } email }:
                outbox.Enqueue(new OutgoingEmail(email, "Connect and Do: how did it go?",
                    "You went to a group with one of our volunteers. If you would like to, tell us how it went, in your own words, in your space on Connect and Do:\n" +
                    $"{PlanLinks.Placeholder}\n\n" +
                    $"The link signs you in once and works for {SpaceSignInLink.OutingInvitationLifetime.Days} days. After that, sign in to your space with this email address to find the outing there. You do not have to answer.\n\n" +
                    "If you need help urgently, call 999, or NHS 111. Samaritans are there day and night on 116 123.\n\n" +
                    "You are getting this email because you asked us to contact you by email and said messages are safe.", HowItWentPurpose, null, spaceLinkId));
                return true;
            case { By: ReachBy.Text, Mobile: { } mobile }:
                outbox.Enqueue(new OutgoingText(mobile, MessageTemplates.HowDidItGo, new Dictionary<string, string> { ["link"] = PlanLinks.Placeholder }, HowItWentPurpose, null, spaceLinkId));
                return true;
            default:
                return false;
        }
    }
}
