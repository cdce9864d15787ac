using Hub.Application.CareTeams.ReallocateCaseload;
using Hub.Application.Directory.GetDirectory;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Caseloads;

/// <summary>Team leaders: every member's caseload against capacity by sector and team, and bulk reallocation.</summary>
public sealed class IndexModel(IMediator mediator) : StaffPage
{
    public DirectoryView Directory { get; private set; } = null!;

    [BindProperty] public string? FromMemberId { get; set; }
    [BindProperty] public string? ToMemberId { get; set; }
    [BindProperty] public string? Departure { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TakeNotice();
        Directory = await mediator.Send(new GetDirectory(), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var from = Guid.TryParse(FromMemberId, out var f) ? f : Guid.Empty;
        var to = Guid.TryParse(ToMemberId, out var t) ? t : Guid.Empty;
        ReallocationResult? result = null;
        if (await TryRun(async () => result = await mediator.Send(new ReallocateCaseload(from, to, ParseEnum<MemberDeparture>(Departure) ?? default), cancellationToken), null))
        {
            SetNotice($"Moved {result!.MovedPlaces} care-team {(result.MovedPlaces == 1 ? "place" : "places")}; {result.WithdrawnOffers} unanswered {(result.WithdrawnOffers == 1 ? "offer" : "offers")} withdrawn and back in the allocation queue");
            return RedirectToPage();
        }
        Directory = await mediator.Send(new GetDirectory(), cancellationToken);
        return Page();
    }
}
