using System.Globalization;
using FluentValidation.Results;
using Hub.Application.Space.MySpace.AddSpaceGoal;
using Hub.Application.Space.MySpace.CheckInSpaceMood;
using Hub.Application.Space.MySpace.FollowGroup;
using Hub.Application.Space.MySpace.GetMySpace;
using Hub.Application.Space.MySpace.RateSpaceGoal;
using Hub.Application.Space.MySpace.UnfollowGroup;
using Hub.Application.Space.SignIn.EndSpaceSession;
using Hub.Application.Space.Sharing.DisconnectSpace;
using Hub.Web.Pages.Staff.Triage;
using Hub.Web.Security;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Space;

/// <summary>
/// The person's own space: goals in their words rated 0 to 10 over time, mood check-ins, the groups
/// they follow with the next sessions, and outings. Every change acts on the space signed in on this
/// browser only; an id from a form is looked up with it.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel, IShowsValidationFailures
{
    public MySpaceView Space { get; private set; } = null!;
    public string? Notice { get; private set; }

    [BindProperty] public string? GoalWords { get; set; }
    [BindProperty] public string? MoodWords { get; set; }

    /// <summary>The rating box of the goal whose rating was refused, to put the message beside it.</summary>
    public string? RatingField { get; private set; }

    public string FieldFor(ValidationFailure failure) => failure.PropertyName switch
    {
        nameof(AddSpaceGoal.Words) when RatingField is null && Request.Query["handler"] == "goal" => nameof(GoalWords),
        nameof(CheckInSpaceMood.Words) => nameof(MoodWords),
        nameof(CheckInSpaceMood.Mood) => "Mood",
        nameof(RateSpaceGoal.Rating) => RatingField ?? string.Empty,
        _ => string.Empty,
    };

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => Load(cancellationToken);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[ReferralModel.NoticeKey] as string;
        await Load(cancellationToken);
    }

    public async Task<IActionResult> OnPostGoalAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await mediator.Send(new AddSpaceGoal(GoalWords), cancellationToken);
        return Done("Your goal is added. Rate it whenever you like", "goals");
    }

    public async Task<IActionResult> OnPostRateAsync(Guid goalId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        RatingField = Request.Form.Keys.FirstOrDefault(k => k.StartsWith("Rating-", StringComparison.Ordinal) && k.Length <= 40) ?? "Rating-0";
        var raw = Request.Form[RatingField].ToString();
        int? rating = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        await mediator.Send(new RateSpaceGoal(goalId, rating), cancellationToken);
        return Done("Your rating is saved", "goals");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid goalId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RateSpaceGoal(goalId, null, Remove: true), cancellationToken);
        return Done("The goal is removed", "goals");
    }

    public async Task<IActionResult> OnPostCheckInAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var raw = Request.Form["Mood"].ToString();
        int? mood = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        await mediator.Send(new CheckInSpaceMood(mood, MoodWords), cancellationToken);
        return Done("Thank you. Your check-in is saved", "feeling");
    }

    /// <summary>From a group's public page: follow it, then back to that page.</summary>
    public async Task<IActionResult> OnPostFollowAsync([FromForm] Guid groupId, CancellationToken cancellationToken)
    {
        await mediator.Send(new FollowGroup(groupId), cancellationToken);
        TempData[ReferralModel.NoticeKey] = "You follow this group. Its next sessions are in your space";
        return Redirect($"/connect/groups/{groupId}");
    }

    public async Task<IActionResult> OnPostUnfollowAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await mediator.Send(new UnfollowGroup(groupId), cancellationToken);
        return Done("You no longer follow that group", "groups");
    }

    public async Task<IActionResult> OnPostDisconnectAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new DisconnectSpace(), cancellationToken);
        return Done("Your space is no longer shared with your support plan", "sharing");
    }

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new EndSpaceSession(), cancellationToken);
        await HttpContext.SignOutAsync(SpaceAccess.Scheme);
        return Redirect("/space/signed-out");
    }

    private RedirectResult Done(string notice, string part)
    {
        TempData[ReferralModel.NoticeKey] = notice;
        return Redirect($"/space#{part}");
    }

    private async Task Load(CancellationToken cancellationToken) => Space = await mediator.Send(new GetMySpace(), cancellationToken);
}
