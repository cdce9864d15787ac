using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using MediatR;
using Microsoft.EntityFrameworkCore;

using Hub.Application.Directory.CommunityConnectors;

namespace Hub.Application.Directory.SaveMemberProfile;

/// <summary>
/// Adds a staff account to the directory or updates its profile: team, professional group, what
/// they help with, languages, neighbourhoods, working pattern, caseload capacity, away or active.
/// </summary>
public sealed record SaveMemberProfile(Guid MemberId, Guid TeamId, string? Name, ProfessionalGroup Group, string? JobTitle, WorkerGender? Gender,
    IReadOnlyList<DeterminantArea> HelpsWith, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages, IReadOnlyList<string> Neighbourhoods,
    IReadOnlyList<DayOfWeek> WorkingDays, bool WorksEvenings, int? CaseloadCapacity, bool Away) : IRequest<Unit>;

public sealed class SaveMemberProfileValidator : AbstractValidator<SaveMemberProfile>
{
    public SaveMemberProfileValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().WithMessage("Choose the member's team");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the member's name").SafeText("The name", 200, multiline: false, storedMax: 200);
        RuleFor(c => c.Group).IsInEnum().WithMessage("Choose what the member does");
        RuleFor(c => c.JobTitle).SafeText("The job title", 200, multiline: false, storedMax: 200);
        RuleFor(c => c.Gender).IsInEnum().When(c => c.Gender is not null).WithMessage("Choose a gender from the list, or leave it blank");
        RuleForEach(c => c.HelpsWith).IsInEnum().WithMessage("Choose areas from the list");
        RuleForEach(c => c.WorkingDays).IsInEnum().WithMessage("Choose days from the list");
        RuleFor(c => c.Skills).Must(s => s.Count <= 30).WithMessage("List at most 30 skills and offers");
        RuleForEach(c => c.Skills).SafeText("Each skill", 100, multiline: false);
        RuleFor(c => c.Languages).Must(s => s.Count <= 20).WithMessage("List at most 20 languages");
        RuleForEach(c => c.Languages).SafeText("Each language", 60, multiline: false);
        RuleFor(c => c.Neighbourhoods).Must(s => s.Count <= 30).WithMessage("List at most 30 neighbourhoods");
        RuleForEach(c => c.Neighbourhoods).SafeText("Each neighbourhood", 60, multiline: false);
        RuleFor(c => c.CaseloadCapacity).NotNull().WithMessage("Enter how many people they can work with at once, like 20")
            .InclusiveBetween(0, TeamMember.MaxCapacity).WithMessage($"Enter a caseload capacity between 0 and {TeamMember.MaxCapacity}");
    }
}

public sealed class SaveMemberProfileHandler(IApplicationDbContext db, IStaffDirectory staff, CommunityConnectorMenu menu) : IRequestHandler<SaveMemberProfile, Unit>
{
    public async Task<Unit> Handle(SaveMemberProfile request, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == request.TeamId, cancellationToken))
        {
            throw Refuse.Because(nameof(request.TeamId), "Choose the member's team");
        }
        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.Id == request.MemberId, cancellationToken);
        if (member is null)
        {
            var account = (await staff.All(cancellationToken)).FirstOrDefault(a => a.Id == request.MemberId) ?? throw new NotFoundException("The staff account");
            if (!account.Roles.Any(r => r is Roles.Practitioner or Roles.TeamLeader))
            {
                throw Refuse.Because(nameof(request.Name), "Only practitioners and team leaders can be in the care directory");
            }
            member = new TeamMember(request.MemberId, request.TeamId, request.Name!, request.Group, request.CaseloadCapacity!.Value);
            db.TeamMembers.Add(member);
        }
        member.UpdateProfile(request.TeamId, request.Name!, request.Group, request.JobTitle, request.Gender, request.HelpsWith, request.Skills,
            request.Languages, request.Neighbourhoods, request.WorkingDays, request.WorksEvenings, request.CaseloadCapacity!.Value);
        member.SetAway(request.Away);
        await db.SaveChangesAsync(cancellationToken);
        menu.Forget(request.MemberId); // what they do may have changed: the staff menu asks again
        return Unit.Value;
    }
}
