using Hub.Application.Directory.GetMemberProfile;
using Hub.Application.Directory.SaveMemberProfile;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Directory;

/// <summary>Administrators: one member's directory profile, which routing reads.</summary>
public sealed class MemberModel(IMediator mediator) : StaffPage
{
    public MemberProfile Profile { get; private set; } = null!;

    [BindProperty] public ProfileInput Input { get; set; } = new();

    public sealed class ProfileInput
    {
        public string? Name { get; set; }
        public string? TeamId { get; set; }
        public string? Group { get; set; }
        public string? JobTitle { get; set; }
        public string? Gender { get; set; }
        public List<string> HelpsWith { get; set; } = [];
        public string? Skills { get; set; }
        public string? Languages { get; set; }
        public string? Neighbourhoods { get; set; }
        public List<string> WorkingDays { get; set; } = [];
        public bool WorksEvenings { get; set; }
        public string? CaseloadCapacity { get; set; }
        public bool Away { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Profile = await mediator.Send(new GetMemberProfile(id), cancellationToken);
        var p = Profile;
        Input = new ProfileInput
        {
            Name = p.Name, TeamId = p.TeamId?.ToString(), Group = p.Group?.ToString(), JobTitle = p.JobTitle, Gender = p.Gender?.ToString(),
            HelpsWith = p.HelpsWith.Select(a => a.ToString()).ToList(), Skills = string.Join('\n', p.Skills), Languages = string.Join('\n', p.Languages),
            Neighbourhoods = string.Join('\n', p.Neighbourhoods), WorkingDays = p.WorkingDays.Select(d => d.ToString()).ToList(),
            WorksEvenings = p.WorksEvenings, CaseloadCapacity = p.Capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture), Away = p.Away,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var i = Input;
        int? capacity = int.TryParse(i.CaseloadCapacity?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : null;
        if (capacity is null && !string.IsNullOrWhiteSpace(i.CaseloadCapacity))
        {
            ModelState.AddModelError("Input.CaseloadCapacity", "Enter the caseload capacity as a whole number, like 20");
        }
        else
        {
            var command = new SaveMemberProfile(id, Guid.TryParse(i.TeamId, out var t) ? t : Guid.Empty, i.Name, ParseEnum<ProfessionalGroup>(i.Group) ?? default,
                i.JobTitle, ParseEnum<WorkerGender>(i.Gender), ParseEnums<DeterminantArea>(i.HelpsWith), Lines(i.Skills), Lines(i.Languages), Lines(i.Neighbourhoods),
                ParseEnums<DayOfWeek>(i.WorkingDays), i.WorksEvenings, capacity, i.Away);
            if (await TryRun(() => mediator.Send(command, cancellationToken), "Input"))
            {
                SetNotice($"{i.Name?.Trim()}'s profile saved");
                return Redirect("/staff/directory");
            }
        }
        Profile = await mediator.Send(new GetMemberProfile(id), cancellationToken);
        return Page();
    }
}
