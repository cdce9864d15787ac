using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Common.Validation;
using Hub.Domain.Common;
using Hub.Domain.People;
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

public sealed class AskForSupporterHandler(IApplicationDbContext db, TimeProvider clock, IEmailOutbox outbox) : IRequestHandler<AskForSupporter, Unit>
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
            request.Answers.ToContact(), request.FormToken, clock.GetUtcNow());
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

    /// <summary>The link to say how an outing went, by the person's way and only if messages are safe. False when nothing can go.</summary>
    public static bool SendHowItWentLink(IEmailOutbox outbox, HubAddress address, ComeAlongContact contact, string token)
    {
        var link = address.Link(HowItWentPath(token));
        switch (contact)
        {
            case { MessagesSafe: false }:
                return false;
            case { By: ReachBy.Email, Email: { } email }:
                outbox.Enqueue(new OutgoingEmail(email, "Connect and Do: how did it go?",
                    "You went to a group with one of our volunteers. If you would like to, tell us how it went, in your own words:\n" +
                    $"{link}\n\nThe link works once and lasts {OutingFeedbackLink.Lifetime.Days} days. You do not have to answer.\n\n" +
                    "You are getting this email because you asked us to contact you by email and said messages are safe.", HowItWentPurpose));
                return true;
            case { By: ReachBy.Text, Mobile: { } mobile }:
                outbox.Enqueue(new OutgoingText(mobile, MessageTemplates.HowDidItGo, new Dictionary<string, string> { ["link"] = link }, HowItWentPurpose, null));
                return true;
            default:
                return false;
        }
    }

    public static string HowItWentPath(string token) => "/connect/how-it-went/" + token;
}
