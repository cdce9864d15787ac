using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Directory;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory.GetDirectory;

/// <summary>The partnership's directory: organisations by sector, their teams, and each member with their live caseload.</summary>
public sealed record GetDirectory : IRequest<DirectoryView>;

public sealed record DirectoryView(IReadOnlyList<OrganisationRow> Organisations, IReadOnlyList<StaffAccount> AccountsWithoutProfile);

public sealed record OrganisationRow(Guid Id, string Name, Sector Sector, IReadOnlyList<TeamRow> Teams);

public sealed record TeamRow(Guid Id, string Name, IReadOnlyList<MemberRow> Members);

public sealed record MemberRow(Guid Id, string Name, ProfessionalGroup Group, string? JobTitle, int Caseload, int Capacity, bool Away, bool Left,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Neighbourhoods);

public sealed class GetDirectoryHandler(IApplicationDbContext db, IStaffDirectory staff) : IRequestHandler<GetDirectory, DirectoryView>
{
    public async Task<DirectoryView> Handle(GetDirectory request, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Sector).ThenBy(o => o.Name).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var members = await db.TeamMembers.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var caseloads = await db.CaseloadsByMember(neighbourhood: null, cancellationToken);
        var accounts = await staff.All(cancellationToken);
        var profiled = members.Select(m => m.Id).ToHashSet();

        return new DirectoryView(
            organisations.Select(o => new OrganisationRow(o.Id, o.Name, o.Sector,
                teams.Where(t => t.OrganisationId == o.Id).Select(t => new TeamRow(t.Id, t.Name,
                    members.Where(m => m.TeamId == t.Id).Select(m => new MemberRow(m.Id, m.Name, m.Group, m.JobTitle, caseloads.GetValueOrDefault(m.Id),
                        m.CaseloadCapacity, m.Away, m.LeftAt is not null, m.Languages, m.Neighbourhoods)).ToList())).ToList())).ToList(),
            // Only roles that work with people belong in the care directory.
            accounts.Where(a => !profiled.Contains(a.Id) && a.Roles.Any(r => r is Roles.Practitioner or Roles.TeamLeader)).ToList());
    }
}
