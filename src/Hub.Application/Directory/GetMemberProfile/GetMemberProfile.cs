using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory.GetMemberProfile;

/// <summary>A member's directory profile for editing, or an empty one for a staff account not yet in the directory.</summary>
public sealed record GetMemberProfile(Guid MemberId) : IRequest<MemberProfile>;

public sealed record MemberProfile(Guid MemberId, bool Exists, string Name, Guid? TeamId, ProfessionalGroup? Group, string? JobTitle, WorkerGender? Gender,
    IReadOnlyList<DeterminantArea> HelpsWith, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages, IReadOnlyList<string> Neighbourhoods,
    IReadOnlyList<DayOfWeek> WorkingDays, bool WorksEvenings, int? Capacity, bool Away, bool Left, IReadOnlyList<TeamChoice> Teams);

public sealed record TeamChoice(Guid TeamId, string Label);

public sealed class GetMemberProfileHandler(IApplicationDbContext db, IStaffDirectory staff) : IRequestHandler<GetMemberProfile, MemberProfile>
{
    public async Task<MemberProfile> Handle(GetMemberProfile request, CancellationToken cancellationToken)
    {
        var teams = await (
            from t in db.Teams.AsNoTracking()
            join o in db.Organisations on t.OrganisationId equals o.Id
            orderby o.Name, t.Name
            select new TeamChoice(t.Id, o.Name + ": " + t.Name)).ToListAsync(cancellationToken);
        var member = await db.TeamMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.MemberId, cancellationToken);
        if (member is not null)
        {
            return new MemberProfile(member.Id, true, member.Name, member.TeamId, member.Group, member.JobTitle, member.Gender, member.HelpsWith, member.Skills,
                member.Languages, member.Neighbourhoods, member.WorkingDays, member.WorksEvenings, member.CaseloadCapacity, member.Away, member.LeftAt is not null, teams);
        }
        var names = await staff.DisplayNames([request.MemberId], cancellationToken);
        if (!names.TryGetValue(request.MemberId, out var name))
        {
            throw new NotFoundException("The staff account");
        }
        return new MemberProfile(request.MemberId, false, name, null, null, null, null, [], [], [], [],
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], false, 20, false, false, teams);
    }
}
