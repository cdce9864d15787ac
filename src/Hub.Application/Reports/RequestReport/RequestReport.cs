using FluentValidation;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Figures;
using Hub.Domain.Reports;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Reports.RequestReport;

/// <summary>
/// A commissioner asks for a report of a period for the whole hub, one team or one neighbourhood.
/// It is queued and made in the background; the answer is the report's id, to follow its progress.
/// </summary>
public sealed record RequestReport(DateOnly From, DateOnly To, Guid? TeamId, string? Neighbourhood) : IRequest<Guid>;

public sealed class RequestReportValidator : AbstractValidator<RequestReport>
{
    /// <summary>A report covers four weeks or more: shorter periods would let counts be narrowed down day by day.</summary>
    public const int ShortestPeriodDays = 28;

    public RequestReportValidator(TimeProvider clock)
    {
        RuleFor(r => r.To).Must((r, to) => to >= r.From).WithMessage("The end of the period must be the same as or after its start");
        RuleFor(r => r.To).Must((r, to) => to.DayNumber - r.From.DayNumber + 1 <= FigureFilter.LongestPeriodDays)
            .WithMessage("Choose a period of two years or less").When(r => r.To >= r.From);
        RuleFor(r => r.To).Must(to => to < DateOnly.FromDateTime(Common.UkTime.ToLocal(clock.GetUtcNow())))
            .WithMessage("Choose a period that has ended: the last day must be before today");
        RuleFor(r => r.To).Must((r, to) => to.DayNumber - r.From.DayNumber + 1 >= ShortestPeriodDays)
            .WithMessage("Choose a period of at least four weeks, so small numbers stay hidden").When(r => r.To >= r.From);
        RuleFor(r => r.Neighbourhood).MaximumLength(100).WithMessage("Neighbourhood must be 100 characters or fewer");
        RuleFor(r => r.Neighbourhood).Empty().When(r => r.TeamId is not null).WithMessage("Choose a team or a neighbourhood, not both");
    }
}

public sealed class RequestReportHandler(IApplicationDbContext db, ICurrentUser user, IReportQueue queue, TimeProvider clock) : IRequestHandler<RequestReport, Guid>
{
    public async Task<Guid> Handle(RequestReport request, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureAllowed(user);
        var neighbourhood = string.IsNullOrWhiteSpace(request.Neighbourhood) ? null : request.Neighbourhood.Trim();
        if (neighbourhood is not null)
        {
            // Only the partnership's own neighbourhoods: a typed string could single out a street or a household.
            var known = await ReportScopes.NeighbourhoodsAsync(db, cancellationToken);
            neighbourhood = known.FirstOrDefault(n => n.Equals(neighbourhood, StringComparison.OrdinalIgnoreCase))
                ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(RequestReport.Neighbourhood), "Choose a neighbourhood from the list")]);
        }
        var label = await ReportScopes.LabelAsync(db, request.TeamId, neighbourhood, cancellationToken)
            ?? throw new NotFoundException("That team");
        var run = new ReportRun(request.From, request.To, request.TeamId, neighbourhood, label, ReportTrigger.OnDemand, user.UserId, clock.GetUtcNow());
        db.ReportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await queue.NudgeAsync(cancellationToken);
        return run.Id;
    }
}

/// <summary>A failed report is asked for again with the same period and scope.</summary>
public sealed record RetryReport(Guid ReportId) : IRequest;

public sealed class RetryReportHandler(IApplicationDbContext db, ICurrentUser user, IReportQueue queue, TimeProvider clock) : IRequestHandler<RetryReport>
{
    public async Task<Unit> Handle(RetryReport request, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureAllowed(user);
        var run = await db.ReportRuns.FirstOrDefaultAsync(r => r.Id == request.ReportId, cancellationToken) ?? throw new NotFoundException("That report");
        // "Try again" pressed twice, or by two people: the first asks for it again; the second finds it
        // queued already (or, at the same moment, its save is refused) and the list shows it waiting.
        if (run.Status != ReportStatus.Failed)
        {
            return Unit.Value;
        }
        run.Retry(clock.GetUtcNow());
        if (await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency))
        {
            await queue.NudgeAsync(cancellationToken);
        }
        return Unit.Value;
    }
}
