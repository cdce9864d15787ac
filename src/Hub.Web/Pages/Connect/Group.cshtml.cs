using Hub.Application.Connect.Calendar;
using Hub.Application.Connect.GetGroup;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Connect;

/// <summary>A group's own public page: what happens, who it is for, when, where, how to join, and its calendar file.</summary>
public sealed class GroupModel(IMediator mediator) : PageModel
{
    public PublicGroup Group { get; private set; } = null!;

    /// <summary>Null when no space is signed in on this browser: the "Follow" button then leads to the space's sign-in.</summary>
    public bool? Following { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Group = await mediator.Send(new GetPublicGroup(id), cancellationToken);
        // The space's own sign-in, read only to draw its "Follow" button (docs/decisions/040). Its
        // form is then made for the space, which is who sends it.
        var space = await HttpContext.AuthenticateAsync(Hub.Web.Security.SpaceAccess.Scheme);
        if (space.Succeeded && space.Principal is { } principal)
        {
            HttpContext.User = principal;
            Following = await mediator.Send(new Hub.Application.Space.MySpace.IsFollowing.IsFollowing(id), cancellationToken);
            Notice = TempData[Staff.Triage.ReferralModel.NoticeKey] as string;
        }
    }

    public async Task<IActionResult> OnGetCalendarAsync(Guid id, CancellationToken cancellationToken)
    {
        var calendar = await mediator.Send(new GetGroupCalendar(id), cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), GroupCalendar.ContentType, "group.ics");
    }

    /// <summary>Only a web address can be a link: anything else an organiser typed is shown as words.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}
