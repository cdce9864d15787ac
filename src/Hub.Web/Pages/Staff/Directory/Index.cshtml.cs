using Hub.Application.Directory.AddOrganisation;
using Hub.Application.Directory.AddTeam;
using Hub.Application.Directory.GetDirectory;
using Hub.Domain.Directory;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Directory;

/// <summary>Administrators: the partnership's organisations by sector, their teams and members.</summary>
public sealed class IndexModel(IMediator mediator) : StaffPage
{
    public DirectoryView Directory { get; private set; } = null!;

    [BindProperty] public string? OrganisationName { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? TeamOrganisationId { get; set; }
    [BindProperty] public string? TeamName { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TakeNotice();
        Directory = await mediator.Send(new GetDirectory(), cancellationToken);
    }

    public async Task<IActionResult> OnPostOrganisationAsync(CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var command = new AddOrganisation(OrganisationName, ParseEnum<Sector>(Sector) ?? default);
        if (await TryRun(() => mediator.Send(command, cancellationToken), "Organisation"))
        {
            SetNotice("Organisation added");
            return RedirectToPage();
        }
        MoveError("Organisation.Name", nameof(OrganisationName));
        MoveError("Organisation.Sector", nameof(Sector));
        Directory = await mediator.Send(new GetDirectory(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTeamAsync(CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var command = new AddTeam(Guid.TryParse(TeamOrganisationId, out var o) ? o : Guid.Empty, TeamName);
        if (await TryRun(() => mediator.Send(command, cancellationToken), "Team"))
        {
            SetNotice("Team added");
            return RedirectToPage();
        }
        MoveError("Team.OrganisationId", nameof(TeamOrganisationId));
        MoveError("Team.Name", nameof(TeamName));
        Directory = await mediator.Send(new GetDirectory(), cancellationToken);
        return Page();
    }

}
