using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Figures;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Dashboards.GetPeopleBehind;

/// <summary>
/// The people behind one number of the dashboard: counted from the same facts by the same keys,
/// so the list always has the number's people. Team leaders only: it names people.
/// </summary>
public sealed record GetPeopleBehind(FigureFilter Filter, string Key, int Page = 1) : IRequest<PeopleBehind>;

public sealed record PeopleBehind(string Section, string Label, int Count, IReadOnlyList<PersonBehind> People, int Total, int Page, bool HasNext);

public sealed record PersonBehind(Guid PersonId, string? PreferredName, Guid? ReferralId, string? Reference);

public sealed class GetPeopleBehindValidator : AbstractValidator<GetPeopleBehind>
{
    public GetPeopleBehindValidator()
    {
        RuleFor(r => r.Filter).SetValidator(new FigureFilterValidator());
        RuleFor(r => r.Key).NotEmpty().MaximumLength(200).WithMessage("Choose a number on the dashboard to see the people behind it");
    }
}

public sealed class GetPeopleBehindHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetPeopleBehind, PeopleBehind>
{
    public const int PageSize = 50;

    public async Task<PeopleBehind> Handle(GetPeopleBehind request, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.TeamLeader))
        {
            throw new ForbiddenAccessException();
        }
        var facts = await db.LoadFactsAsync(request.Filter, clock.GetUtcNow(), cancellationToken);
        var figures = HubFigures.From(facts);
        var (section, tally) = figures.Tallies().FirstOrDefault(t => t.Tally.Key == request.Key);
        if (tally is null)
        {
            throw new NotFoundException("That number on the dashboard");
        }

        var ids = FigureTally.PeopleBehind(facts, request.Key).ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.PreferredName })
            .ToListAsync(cancellationToken);
        var page = Math.Max(1, request.Page);
        var shown = people
            .OrderBy(p => p.PreferredName ?? string.Empty, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToList();

        var shownIds = shown.Select(p => p.Id).ToList();
        // The page's people's referrals, a handful each; the latest picked here rather than by a window over every referral.
        var latest = (await db.Referrals.AsNoTracking()
                .Where(r => shownIds.Contains(r.PersonId))
                .Select(r => new { r.PersonId, r.Id, r.Reference, r.ReceivedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.PersonId)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.ReceivedAt)!);

        var rows = shown.Select(p => latest.TryGetValue(p.Id, out var r)
            ? new PersonBehind(p.Id, p.PreferredName, r.Id, r.Reference)
            : new PersonBehind(p.Id, p.PreferredName, null, null)).ToList();
        return new PeopleBehind(section, tally.Label, tally.Count, rows, people.Count, page, people.Count > page * PageSize);
    }
}
