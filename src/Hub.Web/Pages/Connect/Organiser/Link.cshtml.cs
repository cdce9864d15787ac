using Hub.Application.Connect.Organisers.CheckListingLink;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Connect.Organiser;

/// <summary>The organiser's link. Opening it changes nothing; pressing Continue checks it and moves to the change form.</summary>
public sealed class LinkModel(IMediator mediator) : PageModel
{
    public bool NotWorking { get; private set; }

    public const string NotWorkingMessage = "This link no longer works. Open the link in your latest email, or send the group's details again";

    /// <summary>The token, only to post it back to the same address (it is already in the address of this page).</summary>
    public string Token { get; private set; } = string.Empty;

    public void OnGet(string token) => Token = token;

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        if (await mediator.Send(new CheckListingLink(token), cancellationToken) is not { } linkId)
        {
            NotWorking = true;
            ModelState.AddModelError(string.Empty, NotWorkingMessage);
            return Page();
        }
        OrganiserSession.Start(HttpContext, linkId);
        return Redirect("/connect/organiser/listing");
    }
}
