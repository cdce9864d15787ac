using Hub.Application.Connect.Calendar;
using Hub.Application.Connect.GetGroup;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Connect;

/// <summary>A group's own public page: what happens, who it is for, when, where, how to join, and its calendar file.</summary>
public sealed class GroupModel(IMediator mediator) : PageModel
{
    public PublicGroup Group { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Group = await mediator.Send(new GetPublicGroup(id), cancellationToken);

    public async Task<IActionResult> OnGetCalendarAsync(Guid id, CancellationToken cancellationToken)
    {
        var calendar = await mediator.Send(new GetGroupCalendar(id), cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), GroupCalendar.ContentType, "group.ics");
    }

    /// <summary>Only a web address can be a link: anything else an organiser typed is shown as words.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}
