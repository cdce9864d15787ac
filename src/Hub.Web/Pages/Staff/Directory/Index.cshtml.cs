using Hub.Application.Directory.AddOrganisation;
using Hub.Application.Directory.AddTeam;
using Hub.Application.Directory.GetDirectory;
using Hub.Application.Directory.ListMembers;
using Hub.Domain.Directory;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Directory;

/// <summary>Administrators: the partnership's organisations by sector, their teams and members.</summary>
public sealed class IndexModel(IMediator mediator) : StaffPage, Hub.Web.Validation.IShowsValidationFailures
{
    public DirectoryView Directory { get; private set; } = null!;

    /// <summary>This page of members; null when the search or page link could not be read.</summary>
    public DirectoryMembers? Members { get; private set; }

    /// <summary>The member search, from the query string.</summary>
    public string? Q { get; private set; }

    public string FieldFor(FluentValidation.Results.ValidationFailure failure) => failure.PropertyName == nameof(ListDirectoryMembers.Search) ? "q" : string.Empty;

    public PageLinks Pages => PageLinks.For("/staff/directory", [new("q", Q)], Members?.Members.Next, Members?.Members.Previous, "Pages of members");

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => Directory = await mediator.Send(new GetDirectory(), cancellationToken);

    [BindProperty] public string? OrganisationName { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? TeamOrganisationId { get; set; }
    [BindProperty] public string? TeamName { get; set; }

    public async Task OnGetAsync(string? q, string? after, string? before, CancellationToken cancellationToken)
    {
        TakeNotice();
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Directory = await mediator.Send(new GetDirectory(), cancellationToken);
        Members = await mediator.Send(new ListDirectoryMembers(Q, after, before), cancellationToken);
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
        Members = await mediator.Send(new ListDirectoryMembers(), cancellationToken);
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
        Members = await mediator.Send(new ListDirectoryMembers(), cancellationToken);
        return Page();
    }

}
