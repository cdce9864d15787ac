using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Supporting;

/// <summary>
/// A volunteer raises a safeguarding concern, about someone they are matched with or in general.
/// Every coordinator is emailed at once through the outbox, in the same transaction as the concern,
/// with only a link to it: no name, no words (hazard H40).
/// </summary>
public sealed record RaiseConcern(Guid? RequestId, string? WhatHappened, Guid FormToken) : IRequest<Unit>;

public sealed class RaiseConcernValidator : AbstractValidator<RaiseConcern>
{
    public RaiseConcernValidator()
    {
        RuleFor(r => r.FormToken).NotEmpty().WithMessage("This form has expired. Fill it in and send it again").OverridePropertyName(string.Empty);
        RuleFor(r => r.WhatHappened).Must(v => TextRules.Clean(v) is not null).WithMessage("Say what happened or what worries you");
        RuleFor(r => r.WhatHappened).SafeText("What happened", SafeguardingConcern.WordsMaxLength, multiline: true);
    }
}

public sealed class RaiseConcernHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, IStaffDirectory staff, TimeProvider clock, IEmailOutbox outbox, HubAddress address)
    : IRequestHandler<RaiseConcern, Unit>
{
    public const string Purpose = "safeguarding-concern";

    public async Task<Unit> Handle(RaiseConcern request, CancellationToken cancellationToken)
    {
        if (await db.SafeguardingConcerns.AnyAsync(c => c.FormToken == request.FormToken, cancellationToken))
        {
            return Unit.Value;
        }
        Volunteer volunteer;
        if (request.RequestId is { } requestId)
        {
            (volunteer, _) = await MyVolunteer.RequireMatchedAsync(db, user, audit, clock, requestId, tracked: false, nameof(RaiseConcern), cancellationToken);
        }
        else
        {
            // A paused volunteer can still raise a concern: a worry does not wait for a status.
            volunteer = await MyVolunteer.FindAsync(db, user, cancellationToken) ?? throw new ForbiddenAccessException();
        }
        var concern = SafeguardingConcern.Raise(volunteer.Id, request.RequestId, request.WhatHappened!, request.FormToken, clock.GetUtcNow());
        db.SafeguardingConcerns.Add(concern);

        var coordinators = (await staff.InRole(Roles.VolunteerCoordinator, cancellationToken)).ToList();
        if (coordinators.Count == 0)
        {
            // Nobody holds the role: the administrators coordinate, so a concern never goes nowhere.
            coordinators.AddRange(await staff.InRole(Roles.Admin, cancellationToken));
        }
        foreach (var to in (await staff.Emails(coordinators, cancellationToken)).Values.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(new OutgoingEmail(to, "Connect and Do: a safeguarding concern was raised",
                "A volunteer has raised a safeguarding concern. Read it and record what you do, today:\n" +
                $"{address.Link("/staff/volunteering/concerns/" + concern.Id)}\n\nYou need to sign in to read it.", Purpose));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            db.DiscardChanges();
        }
        return Unit.Value;
    }
}
