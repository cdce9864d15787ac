using Hub.Application.Common;
using Hub.Application.Directory.GetDirectory;
using Hub.Application.Directory.InviteStaffMember;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Directory;

/// <summary>Administrators: give someone a staff account; they are emailed a one-time link to set their password.</summary>
public sealed class InviteModel(IMediator mediator) : StaffPage, Hub.Web.Validation.IShowsValidationFailures
{
    public DirectoryView Directory { get; private set; } = null!;

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? OrganisationId { get; set; }

    /// <summary>The roles offered, with what each may do, in the words the form shows.</summary>
    public static IReadOnlyList<(string Role, string Label, string Hint)> RoleChoices { get; } =
    [
        (Roles.Practitioner, "Practitioner", "Triage, conversations, care teams and support plans"),
        (Roles.TeamLeader, "Team leader", "All a practitioner does, and caseloads, the waiting clock, dashboards and people's data rights"),
        (Roles.VolunteerCoordinator, "Volunteer coordinator", "Vets and matches Connect and Do volunteers; no person's hub record"),
        (Roles.Commissioner, "Commissioner", "Aggregate reports only"),
        (Roles.Admin, "Administrator", "Organisations, teams, members, staff accounts and the community offers directory"),
    ];


    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => Directory = await mediator.Send(new GetDirectory(), cancellationToken);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Directory = await mediator.Send(new GetDirectory(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var command = new InviteStaffMember(Email, DisplayName, Role, Guid.TryParse(OrganisationId, out var o) ? o : null);
        var outcome = InvitedAccount.Made;
        if (await TryRun(async () => outcome = await mediator.Send(command, cancellationToken), null))
        {
            SetNotice(outcome == InvitedAccount.InvitedAgain
                ? $"{DisplayName!.Trim()} was invited again: a new link is on its way to {Email!.Trim()}, and the earlier one no longer works"
                : $"{DisplayName!.Trim()} is invited: an email with a link to set their password is on its way to {Email!.Trim()}");
            return Redirect("/staff/directory");
        }
        Directory = await mediator.Send(new GetDirectory(), cancellationToken);
        return Page();
    }
}
