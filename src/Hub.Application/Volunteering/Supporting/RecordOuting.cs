using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Domain.Common;
using Hub.Domain.Space;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Supporting;

/// <summary>
/// The matched volunteer records an outing: whether it happened, and a short note. When it happened,
/// the person is invited to say how it went in their own space: a one-time space sign-in link that
/// lands on the outing, minted when the message goes (by their way, only if messages are safe;
/// docs/decisions/041).
/// </summary>
public sealed record RecordOuting(Guid RequestId, DateOnly? On, string? Happened, string? Note) : IRequest<Unit>;

public sealed class RecordOutingValidator : AbstractValidator<RecordOuting>
{
    public RecordOutingValidator()
    {
        RuleFor(r => r.On).NotNull().WithMessage("Enter the date of the outing");
        RuleFor(r => r.On).Must(d => d >= new DateOnly(2020, 1, 1)).WithMessage("The date of the outing must be a real date").When(r => r.On is not null);
        RuleFor(r => r.Happened).Must(h => h is "yes" or "no").WithMessage("Select yes if the outing happened");
        RuleFor(r => r.Note).SafeText("The note", Outing.NoteMaxLength, multiline: true);
    }
}

public sealed class RecordOutingHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock, IEmailOutbox outbox) : IRequestHandler<RecordOuting, Unit>
{
    public async Task<Unit> Handle(RecordOuting request, CancellationToken cancellationToken)
    {
        var (volunteer, supportRequest) = await MyVolunteer.RequireMatchedAsync(db, user, audit, clock, request.RequestId, tracked: true, nameof(RecordOuting), cancellationToken);
        var now = clock.GetUtcNow();
        Outing outing;
        try
        {
            outing = supportRequest.RecordOuting(volunteer.Id, request.On!.Value, request.Happened == "yes", request.Note, UkCalendar.DayOf(now), now);
        }
        catch (DomainRuleException ex)
        {
            throw Refuse.Because(nameof(request.On), ex.Message.TrimEnd('.'));
        }
        if (outing.Happened && supportRequest.Contact.MessagesSafe)
        {
            // As with a link they ask for, only the newest link into the space works (hazard H43).
            await db.SpaceSignInLinks.Where(l => l.AddressKey == supportRequest.ContactKey && l.UsedAt == null && l.RevokedAt == null)
                .ForEachAsync(l => l.Revoke(now), cancellationToken);
            var link = SpaceSignInLink.ForOuting(supportRequest.ContactKey, outing.Id, now);
            if (ComeAlongMessages.InviteToSayHowItWent(outbox, supportRequest.Contact, link.Id))
            {
                db.SpaceSignInLinks.Add(link);
            }
        }
        await db.SaveOrRefuseAsync(nameof(request.On), "This request changed while you were recording. Check it and try again", cancellationToken);
        return Unit.Value;
    }
}
