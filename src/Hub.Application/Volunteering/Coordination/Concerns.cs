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

/// <summary>Safeguarding concerns for the coordinator: open ones first, oldest first.</summary>
public sealed record GetConcerns : IRequest<IReadOnlyList<ConcernLine>>;

public sealed record ConcernLine(Guid Id, string Volunteer, string? PersonFirstName, DateTimeOffset RaisedAt, bool Open);

public sealed class GetConcernsHandler(IApplicationDbContext db) : IRequestHandler<GetConcerns, IReadOnlyList<ConcernLine>>
{
    public async Task<IReadOnlyList<ConcernLine>> Handle(GetConcerns request, CancellationToken cancellationToken) =>
        await db.SafeguardingConcerns.AsNoTracking()
            .OrderBy(c => c.ActedOnAt != null).ThenBy(c => c.RaisedAt).ThenBy(c => c.Id).Take(200)
            .Select(c => new ConcernLine(c.Id,
                db.Volunteers.Where(v => v.Id == c.VolunteerId).Select(v => v.FirstName + " " + v.LastName).FirstOrDefault() ?? "A volunteer",
                db.SupportRequests.Where(r => r.Id == c.RequestId).Select(r => r.FirstName).FirstOrDefault(),
                c.RaisedAt, c.ActedOnAt == null))
            .ToListAsync(cancellationToken);
}

/// <summary>One concern, in the volunteer's words, with the request it is about.</summary>
public sealed record GetConcern(Guid ConcernId) : IRequest<ConcernForCoordinator>;

public sealed record ConcernForCoordinator(Guid Id, Guid VolunteerId, string Volunteer, Guid? RequestId, string? PersonFirstName, string WhatHappened, DateTimeOffset RaisedAt,
    DateTimeOffset? ActedOnAt, string? WhatWasDone, int Version);

public sealed class GetConcernHandler(IApplicationDbContext db, AuditTrail audit) : IRequestHandler<GetConcern, ConcernForCoordinator>
{
    public async Task<ConcernForCoordinator> Handle(GetConcern request, CancellationToken cancellationToken)
    {
        var c = await db.SafeguardingConcerns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.ConcernId, cancellationToken) ?? throw new NotFoundException("The concern");
        var volunteer = await db.Volunteers.AsNoTracking().Where(v => v.Id == c.VolunteerId).Select(v => v.FirstName + " " + v.LastName).FirstOrDefaultAsync(cancellationToken);
        var person = await db.SupportRequests.AsNoTracking().Where(r => r.Id == c.RequestId).Select(r => r.FirstName).FirstOrDefaultAsync(cancellationToken);
        audit.Record(AuditAction.View, null, nameof(SafeguardingConcern), c.Id, "Volunteering: concern");
        await db.SaveChangesAsync(cancellationToken);
        return new ConcernForCoordinator(c.Id, c.VolunteerId, volunteer ?? "A volunteer", c.RequestId, person, c.WhatHappened, c.RaisedAt, c.ActedOnAt, c.WhatWasDone, c.Version);
    }
}

/// <summary>The coordinator records what they did about a concern.</summary>
public sealed record ActOnConcern(Guid ConcernId, string? WhatWasDone, int Version) : IRequest<Unit>;

public sealed class ActOnConcernValidator : AbstractValidator<ActOnConcern>
{
    public ActOnConcernValidator()
    {
        RuleFor(r => r.WhatWasDone).Must(v => TextRules.Clean(v) is not null).WithMessage("Say what was done about the concern");
        RuleFor(r => r.WhatWasDone).SafeText("What was done", SafeguardingConcern.WordsMaxLength, multiline: true);
    }
}

public sealed class ActOnConcernHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, AuditTrail audit) : IRequestHandler<ActOnConcern, Unit>
{
    public async Task<Unit> Handle(ActOnConcern request, CancellationToken cancellationToken)
    {
        var concern = await db.SafeguardingConcerns.FirstOrDefaultAsync(c => c.Id == request.ConcernId, cancellationToken) ?? throw new NotFoundException("The concern");
        if (concern.Version != request.Version)
        {
            throw Refuse.Because(nameof(request.WhatWasDone), "Someone else recorded something on this concern. Check it again");
        }
        try
        {
            concern.ActOn(request.WhatWasDone!, user.Id, clock.GetUtcNow());
        }
        catch (DomainRuleException ex)
        {
            throw Refuse.Because(nameof(request.WhatWasDone), ex.Message.TrimEnd('.'));
        }
        audit.Record(AuditAction.Update, null, nameof(SafeguardingConcern), concern.Id, "Volunteering: act on concern");
        await db.SaveOrRefuseAsync(nameof(request.WhatWasDone), "Someone else recorded something on this concern at the same time. Check it again", cancellationToken);
        return Unit.Value;
    }
}
