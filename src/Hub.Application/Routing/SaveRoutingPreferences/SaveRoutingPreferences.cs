using FluentValidation;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Directory;
using Hub.Domain.People;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Routing.SaveRoutingPreferences;

/// <summary>
/// Records what the person would like in who supports them, and where they live, so routing can
/// meet it. Preferences shape suggestions; they never decide whether someone gets help.
/// </summary>
public sealed record SaveRoutingPreferences(Guid ReferralId, string? Neighbourhood, string? Language, bool PeerWorker, WorkerGender? WorkerGender,
    IReadOnlyList<DayOfWeek> Days, bool Evenings) : IRequest<Unit>, IReferralScoped;

public sealed class SaveRoutingPreferencesValidator : AbstractValidator<SaveRoutingPreferences>
{
    public SaveRoutingPreferencesValidator()
    {
        RuleFor(c => c.Neighbourhood).SafeText("The neighbourhood", 200, multiline: false, storedMax: 200);
        RuleFor(c => c.Language).SafeText("The language", 200, multiline: false, storedMax: 200);
        RuleFor(c => c.WorkerGender).IsInEnum().When(c => c.WorkerGender is not null).WithMessage("Select a worker's gender from the list");
        RuleForEach(c => c.Days).IsInEnum().WithMessage("Select days from the list");
    }
}

public sealed class SaveRoutingPreferencesHandler(IApplicationDbContext db, AuditTrail audit) : IRequestHandler<SaveRoutingPreferences, Unit>
{
    public async Task<Unit> Handle(SaveRoutingPreferences request, CancellationToken cancellationToken)
    {
        var personId = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => (Guid?)r.PersonId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The referral");
        var person = await db.People.FirstAsync(p => p.Id == personId, cancellationToken);
        person.SetNeighbourhood(request.Neighbourhood);
        person.SetPreferredLanguage(request.Language);
        person.SetPreferences(new SupportPreferences(request.PeerWorker, request.WorkerGender, request.Days.Distinct().Order().ToList(), request.Evenings));
        audit.Record(AuditAction.Update, person.Id, nameof(Person), person.Id, "Routing: preferences");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
