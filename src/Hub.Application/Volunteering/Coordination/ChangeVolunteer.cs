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
/// The coordinator approves a volunteer (every check recorded and in date), or pauses one with a
/// reason. Pausing returns every request matched to them to the queue, in the same save, so no
/// paused volunteer keeps a meeting with anyone (hazard H39).
/// </summary>
public sealed record ChangeVolunteer(Guid VolunteerId, bool Pause, string? Reason, int Version) : IRequest<int>;

public sealed class ChangeVolunteerValidator : AbstractValidator<ChangeVolunteer>
{
    public ChangeVolunteerValidator()
    {
        RuleFor(r => r.Reason).Must(r => TextRules.Clean(r) is not null).WithMessage("Say why you are pausing this volunteer").When(r => r.Pause);
        RuleFor(r => r.Reason).SafeText("The reason", Volunteer.TextMaxLength, multiline: true);
    }
}

/// <returns>How many requests went back to the queue.</returns>
public sealed class ChangeVolunteerHandler(IApplicationDbContext db, TimeProvider clock, AuditTrail audit) : IRequestHandler<ChangeVolunteer, int>
{
    public async Task<int> Handle(ChangeVolunteer request, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.FirstOrDefaultAsync(v => v.Id == request.VolunteerId, cancellationToken) ?? throw new NotFoundException("The volunteer");
        var field = request.Pause ? nameof(request.Reason) : nameof(request.Version);
        if (volunteer.Version != request.Version)
        {
            throw Refuse.Because(string.Empty, "Someone else changed this volunteer while you were looking. Check the details again");
        }
        var now = clock.GetUtcNow();
        var returned = 0;
        try
        {
            if (request.Pause)
            {
                volunteer.Pause(request.Reason!, now);
                var matched = await db.SupportRequests.Include(r => r.Matches)
                    .Where(r => r.Status == SupportRequestStatus.Matched && r.Matches.Any(m => m.VolunteerId == volunteer.Id && m.EndedAt == null))
                    .ToListAsync(cancellationToken);
                foreach (var held in matched)
                {
                    held.ReturnToQueue(MatchEnding.VolunteerPaused, now);
                    audit.Record(AuditAction.Update, null, nameof(SupportRequest), held.Id, "Volunteering: volunteer paused");
                }
                returned = matched.Count;
            }
            else
            {
                volunteer.Approve(UkCalendar.DayOf(now), now);
            }
        }
        catch (DomainRuleException ex)
        {
            throw Refuse.Because(field, ex.Message.TrimEnd('.'));
        }
        audit.Record(AuditAction.Update, null, nameof(Volunteer), volunteer.Id, request.Pause ? "Volunteering: pause volunteer" : "Volunteering: approve volunteer");
        await db.SaveOrRefuseAsync(string.Empty, "Someone else changed this volunteer at the same time. Check the details again", cancellationToken);
        return returned;
    }
}
