using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Coordination;

/// <summary>
/// The coordinator matches a waiting request to a volunteer. Refused (beside the choice) when the
/// volunteer is not approved, is paused or has a check missing or out of date on the day: the
/// request's own rule, so no page can skip it. Two coordinators matching at once: one wins.
/// </summary>
public sealed record MatchVolunteer(Guid RequestId, Guid? VolunteerId, int Version) : IRequest<Unit>;

public sealed class MatchVolunteerValidator : AbstractValidator<MatchVolunteer>
{
    public MatchVolunteerValidator() => RuleFor(r => r.VolunteerId).NotEmpty().WithMessage("Select a volunteer");
}

public sealed class MatchVolunteerHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, AuditTrail audit) : IRequestHandler<MatchVolunteer, Unit>
{
    public async Task<Unit> Handle(MatchVolunteer request, CancellationToken cancellationToken)
    {
        var supportRequest = await db.SupportRequests.Include(r => r.Matches).FirstOrDefaultAsync(r => r.Id == request.RequestId, cancellationToken)
            ?? throw new NotFoundException("The request");
        if (supportRequest.Version != request.Version)
        {
            throw Refuse.Because(string.Empty, "Someone else changed this request while you were looking at it. Check it again");
        }
        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == request.VolunteerId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.VolunteerId), "Select a volunteer from the list");
        var now = clock.GetUtcNow();
        try
        {
            supportRequest.Match(volunteer, UkCalendar.DayOf(now), user.Id, now);
        }
        catch (DomainRuleException ex)
        {
            throw Refuse.Because(nameof(request.VolunteerId), ex.Message.TrimEnd('.'));
        }
        audit.Record(AuditAction.Update, null, nameof(SupportRequest), supportRequest.Id, "Volunteering: match");
        await db.SaveOrRefuseAsync(string.Empty, "Someone else matched this request at the same time. Check it again", cancellationToken);
        return Unit.Value;
    }
}
