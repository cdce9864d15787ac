using Hub.Application.Referrals.SubmitSelfReferral;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Hub.Web.Pages.Refer;

/// <summary>The confirmation: the reference kept in this browser's journey, so a refresh or coming back still shows it.</summary>
public sealed class SentModel(SelfReferralJourneyStore journeys, IOptions<HubOptions> options) : PageModel
{
    public string? Reference { get; private set; }

    public string? HubPhone => options.Value.HubPhone;

    /// <summary>How the reference is also on its way to the person, if at all.</summary>
    public ConfirmationChannel ConfirmedBy { get; private set; }

    /// <summary>False when this browser has sent nothing (or its journey has expired): the page then says so.</summary>
    public bool Sent { get; private set; }

    public void OnGet()
    {
        var journey = journeys.Read(HttpContext);
        Sent = journey?.IsSent == true;
        Reference = journey?.SentReference;
        ConfirmedBy = journey?.ConfirmedBy ?? ConfirmationChannel.None;
    }

    /// <summary>"Start a new request": forgets the sent one in this browser (a post, so no link can do it by itself).</summary>
    public IActionResult OnPostRestart()
    {
        journeys.Clear(HttpContext);
        return Redirect("/refer");
    }
}
