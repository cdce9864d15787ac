using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Paging;
using Hub.Application.Common.Searching;
using Hub.Application.Common.Validation;
using Hub.Domain.Directory;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory.ListMembers;

/// <summary>
/// The directory's members A to Z, a page at a time, optionally narrowed to words in their name,
/// job title, professional group, team or organisation. Staff names are not a person's record, so a
/// search here is not audited.
/// </summary>
public sealed record ListDirectoryMembers(string? Search = null, string? After = null, string? Before = null, int PageSize = Keyset.PageSize)
    : IRequest<DirectoryMembers>;

/// <param name="Found">Members matching the search (every member when there is none).</param>
public sealed record DirectoryMembers(KeysetPage<DirectoryMemberRow> Members, int Found);

public sealed record DirectoryMemberRow(Guid Id, string Name, ProfessionalGroup Group, string? JobTitle, string Team, string Organisation, Sector Sector,
    int Caseload, int Capacity, bool Away, bool Left, IReadOnlyList<string> Languages);

public sealed class ListDirectoryMembersValidator : AbstractValidator<ListDirectoryMembers>
{
    public ListDirectoryMembersValidator()
    {
        RuleFor(q => q.Search).SafeText("Search", 100, multiline: false);
        RuleFor(q => q).Must(q => Keyset.TryRead<string>(q.After, q.Before, out _)).WithName("Page").WithMessage(Keyset.BadTokenMessage);
    }
}

public sealed class ListDirectoryMembersHandler(IApplicationDbContext db) : IRequestHandler<ListDirectoryMembers, DirectoryMembers>
{
    public async Task<DirectoryMembers> Handle(ListDirectoryMembers request, CancellationToken cancellationToken)
    {
        Keyset.TryRead<string>(request.After, request.Before, out var at);
        var rows =
            from m in db.TeamMembers.AsNoTracking()
            join t in db.Teams on m.TeamId equals t.Id
            join o in db.Organisations on t.OrganisationId equals o.Id
            select new { Member = m, Team = t.Name, Organisation = o.Name, o.Sector };
        if (request.Search?.Trim() is { Length: > 0 } words)
        {
            // The directory is the partnership's staff (hundreds, not millions): a case-insensitive
            // LIKE over a few short columns needs no index. A role is matched on the words staff see.
            var pattern = SearchTerm.ContainsPatternFor(words.ToLowerInvariant());
            var groups = Enum.GetValues<ProfessionalGroup>().Where(g => g.Describe().Contains(words, StringComparison.OrdinalIgnoreCase)).ToList();
            rows = rows.Where(x => EF.Functions.Like(x.Member.Name.ToLower(), pattern, "\\")
                || EF.Functions.Like(x.Member.JobTitle!.ToLower(), pattern, "\\")
                || EF.Functions.Like(x.Team.ToLower(), pattern, "\\")
                || EF.Functions.Like(x.Organisation.ToLower(), pattern, "\\")
                || groups.Contains(x.Member.Group));
        }
        var found = await rows.CountAsync(cancellationToken);
        var fetched = await rows.PageAt(x => x.Member.Name, x => x.Member.Id, at, request.PageSize)
            .Select(x => new
            {
                x.Member.Id, x.Member.Name, x.Member.Group, x.Member.JobTitle, x.Team, x.Organisation, x.Sector,
                x.Member.CaseloadCapacity, x.Member.Away, x.Member.LeftAt, x.Member.Languages,
                // The live caseload, as CaseloadsByMember counts it, for this page's members only.
                Caseload = db.CareTeamMembers.Count(c => c.MemberId == x.Member.Id && c.LeftAt == null && db.Spells.Any(s => s.Id == c.SpellId && s.EndedAt == null)),
            })
            .ToListAsync(cancellationToken);
        var page = Keyset.Finish(fetched, at, request.PageSize, x => x.Name, x => x.Id, x => new DirectoryMemberRow(x.Id, x.Name, x.Group, x.JobTitle,
            x.Team, x.Organisation, x.Sector, x.Caseload, x.CaseloadCapacity, x.Away, x.LeftAt is not null, x.Languages));
        return new DirectoryMembers(page, found);
    }
}
