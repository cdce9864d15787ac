using Hub.Application.Space.Sharing.ConnectSpace;
using Hub.Application.Space.Sharing.DisconnectSpace;
using Hub.Application.Space.Sharing.GetSpaceConnection;
using Hub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.My;

/// <summary>
/// "Connect my community space", from the person's plan (docs/decisions/040). Connecting needs both
/// sign-ins on this browser at once (the plan's and the space's) and a confirmation; disconnecting
/// needs only the plan's. Nothing is shared until the person confirms here.
/// </summary>
public sealed class ConnectSpaceModel(IMediator mediator) : PageModel
{
    public SpaceConnectionView Connection { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[Staff.Triage.ReferralModel.NoticeKey] as string;
        Connection = await mediator.Send(new GetSpaceConnection(await SpaceAccess.OnThisBrowserAsync(HttpContext)), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(new ConnectSpace(await SpaceAccess.OnThisBrowserAsync(HttpContext)), cancellationToken);
        TempData[Staff.Triage.ReferralModel.NoticeKey] = outcome == ConnectOutcome.Connected
            ? "Your space is connected. Your goals and how you are feeling now show in your plan"
            : "Sign in to your space on this phone or computer first, then connect it here";
        return Redirect("/my/connect-space");
    }

    public async Task<IActionResult> OnPostDisconnectAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new DisconnectSpace(), cancellationToken);
        TempData[Staff.Triage.ReferralModel.NoticeKey] = "Your space is no longer shared with your plan";
        return Redirect("/my/connect-space");
    }
}
