using FluentValidation;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.People;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.PersonalData.RestrictProcessing;

/// <summary>
/// Restricts processing of the person's data (they contest its accuracy, or object, or need it kept
/// for a claim): the record stays and can be read, but the save refuses any change to it until a
/// team leader lifts the restriction, and retention will not destroy it meanwhile.
/// </summary>
public sealed record RestrictProcessing(Guid ReferralId, string? Reason) : IRequest<Unit>, IReferralScoped;

/// <summary>Lifts a restriction, so the record can be changed again.</summary>
public sealed record LiftRestriction(Guid ReferralId) : IRequest<Unit>, IReferralScoped;

public sealed class RestrictProcessingValidator : AbstractValidator<RestrictProcessing>
{
    public RestrictProcessingValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why processing is restricted, for example what the person contests")
            .SafeText("The reason", 1000, multiline: true);
    }
}

public sealed class RestrictProcessingHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RestrictProcessing, Unit>, IRequestHandler<LiftRestriction, Unit>
{
    public async Task<Unit> Handle(RestrictProcessing request, CancellationToken cancellationToken)
    {
        var person = await Load(request.ReferralId, nameof(RestrictProcessing), cancellationToken);
        if (person.IsRestricted)
        {
            throw Refuse.Because(nameof(request.Reason), "Processing is already restricted for this person");
        }
        person.RestrictProcessing(clock.GetUtcNow(), user.Id, request.Reason!);
        audit.Record(AuditAction.Update, person.Id, nameof(Person), person.Id, "Data protection: restrict processing");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(LiftRestriction request, CancellationToken cancellationToken)
    {
        var person = await Load(request.ReferralId, nameof(LiftRestriction), cancellationToken);
        if (!person.IsRestricted)
        {
            throw Refuse.Because("Reason", "Processing is not restricted for this person");
        }
        person.LiftRestriction();
        audit.Record(AuditAction.Update, person.Id, nameof(Person), person.Id, "Data protection: lift restriction");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<Person> Load(Guid referralId, string requestName, CancellationToken cancellationToken)
    {
        var personId = await PersonalDataRules.EnsureTeamLeader(db, user, audit, referralId, requestName, cancellationToken);
        return await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
    }
}
