using DisplayAttribute = System.ComponentModel.DataAnnotations.DisplayAttribute;
using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Hub.Application.Common.Interfaces;
using Hub.Application.SupportPlans.MyPlan.AgreeMyPlan;
using Hub.Application.SupportPlans.MyPlan.AnswerMySuggestion;
using Hub.Application.SupportPlans.MyPlan.CheckInMyMood;
using Hub.Application.SupportPlans.MyPlan.GetMyPlan;
using Hub.Application.SupportPlans.MyPlan.RateMyGoal;
using Hub.Application.SupportPlans.MyPlan.SaveMyPlan;
using Hub.Application.SupportPlans.MyPlan.SetMyReminder;
using Hub.Application.SupportPlans.MySession.EndMySession;
using Hub.Domain.SupportPlans;
using Hub.Web.Design;
using Hub.Web.Design.Forms;
using Hub.Web.Security;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.My;

/// <summary>The person's own plan: read it, change it in their own words, answer suggestions, rate goals, agree it.</summary>
public sealed class PlanModel(IMediator mediator, IPdfRenderer pdf, TimeProvider clock, ILogger<PlanModel> logger) : PageModel, IShowsValidationFailures
{
    // Where the handler's use case shows a refusal, and whether the form is filled again from the plan
    // (ValidationFailurePageFilter): set by each handler before it sends.
    private Func<ValidationFailure, string> fieldFor = _ => string.Empty;
    private bool refill = true;

    public string FieldFor(ValidationFailure failure) => fieldFor(failure);

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => Load(cancellationToken, fillForm: refill);

    public const int GoalRows = 3;
    public const int NumberRows = 3;
    public const int StepRows = 3;
    public const int MaxSteps = 20;

    /// <summary>How a helper is named in the form: kind, then the member's or offer's id, or the network person's name.</summary>
    public static string KeyOf(Helper helper) => $"{(int)helper.Kind}:{helper.ReferenceId?.ToString() ?? helper.Name}";

    public MyPlan Plan { get; private set; } = null!;
    public string? Notice { get; private set; }

    /// <summary>When a save met someone else's change: what is saved now, shown beside what the person wrote.</summary>
    public PlanContent? Theirs { get; private set; }

    [BindProperty] public PlanInput Input { get; set; } = new();

    public sealed class PlanInput
    {
        public Guid Token { get; set; }
        public string? WhatMattersToMe { get; set; }
        public List<string?> Goals { get; set; } = [];
        public List<string?> Steps { get; set; } = [];
        public List<string?> StepHelpers { get; set; } = [];
        public string? WhenStruggling { get; set; }
        public List<string?> NumberWho { get; set; } = [];
        public List<string?> NumberNumber { get; set; } = [];
        /// <summary>Read from the NHS.UK date input's day, month and year boxes; left empty, no date.</summary>
        [NhsDate, Display(Name = "The date to look at your plan again")]
        public DateOnly? ReviewOn { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[StaffPage.NoticeKey] as string;
        await Load(cancellationToken, fillForm: true);
    }

    public async Task<IActionResult> OnPostSaveAsync([FromServices] IValidator<SaveMyPlan> validator, CancellationToken cancellationToken)
    {
        // The use case judges the words; the date boxes keep what was typed and the date input's own
        // message, on the first box it is about (so the error summary links straight to it).
        var dateRead = ModelState.ClearAllButDates("Input.ReviewOn");
        Plan = await mediator.Send(new GetMyPlan(), cancellationToken);
        var numbers = Input.NumberWho.Select((who, i) => new ContactNumber(who ?? string.Empty, i < Input.NumberNumber.Count ? Input.NumberNumber[i] ?? string.Empty : string.Empty)).ToList();
        var lines = Input.Steps.Select(x => x ?? string.Empty).ToList();
        var helpers = lines.Select((_, n) => n < Input.StepHelpers.Count ? Plan.HelperOptions.FirstOrDefault(h => KeyOf(h) == Input.StepHelpers[n]) : null).ToList();
        var save = new SaveMyPlan(Plan.PlanId, Input.Token, Input.WhatMattersToMe, Input.Goals.OfType<string>().ToList(), lines,
            Input.WhenStruggling, numbers, Input.ReviewOn, helpers);
        (fieldFor, refill) = (failure => $"Input.{BoxOf(failure.PropertyName)}", false);
        if (!dateRead)
        {
            // Nothing is saved with a date that could not be read, but every other answer is judged now
            // too, so the person is told everything to change at once.
            var judged = await validator.ValidateAsync(save, cancellationToken);
            if (!judged.IsValid)
            {
                throw new ValidationException(judged.Errors);
            }
            await Load(cancellationToken, fillForm: false);
            return Page();
        }
        var result = await mediator.Send(save, cancellationToken);
        if (result.Saved)
        {
            TempData[StaffPage.NoticeKey] = "Your plan is saved";
            return RedirectToPage();
        }
        Theirs = result.Theirs;
        ModelState.AddModelError("Input.WhatMattersToMe", "Your plan was changed while you were writing. What is saved now is shown first; your words are still in the boxes. Change them if you want, then save again");
        await Load(cancellationToken, fillForm: false);
        return Page();
    }

    /// <summary>
    /// The box a use case's message belongs in: it counts goals among the boxes filled in (blank ones
    /// are not sent), and names a number's row with the part at fault.
    /// </summary>
    private string BoxOf(string property)
    {
        var match = Regex.Match(property, @"^(Goals|Numbers)\[(\d+)\](?:\.(Who|Number))?$");
        if (!match.Success)
        {
            return property;
        }
        var n = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (match.Groups[1].Value == "Numbers")
        {
            return match.Groups[3].Value == "Number" ? $"NumberNumber[{n}]" : $"NumberWho[{n}]";
        }
        var filled = Input.Goals.Select((goal, box) => (goal, box)).Where(g => g.goal is not null).Select(g => g.box).ToList();
        return $"Goals[{(n < filled.Count ? filled[n] : n)}]";
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid suggestionId, CancellationToken cancellationToken) => Answer(suggestionId, true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid suggestionId, CancellationToken cancellationToken) => Answer(suggestionId, false, cancellationToken);

    public async Task<IActionResult> OnPostRateAsync(int goal, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Plan = await mediator.Send(new GetMyPlan(), cancellationToken);
        if (goal < 0 || goal >= Plan.Content.Goals.Count)
        {
            // A goal taken out meanwhile, or an address changed by hand: there is no such goal to rate.
            ModelState.AddModelError(string.Empty, "That goal is no longer in your plan. Rate one of the goals below");
            await Load(cancellationToken, fillForm: true);
            return Page();
        }
        var raw = Request.Form[$"Rating-{goal}"].ToString();
        int? rating = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        (fieldFor, refill) = (_ => $"Rating-{goal}", true);
        var saved = await mediator.Send(new RateMyGoal(Plan.PlanId, Input.Token, goal, rating), cancellationToken);
        TempData[StaffPage.NoticeKey] = saved ? "Your rating is saved" : "Your plan changed at the same moment: look at it again and rate once more";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCheckInAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var raw = Request.Form["Mood"].ToString();
        int? mood = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        // Shown again in its box if the check-in is refused.
        ModelState.SetModelValue("MoodWords", Request.Form["MoodWords"].ToString(), Request.Form["MoodWords"].ToString());
        (fieldFor, refill) = (failure => failure.PropertyName == nameof(CheckInMyMood.Words) ? "MoodWords" : "Mood", true);
        await mediator.Send(new CheckInMyMood(mood, Request.Form["MoodWords"].ToString()), cancellationToken);
        TempData[StaffPage.NoticeKey] = "Thank you. Your care team can see how you are feeling";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReminderAsync(CancellationToken cancellationToken)
    {
        Plan = await mediator.Send(new GetMyPlan(), cancellationToken);
        var remind = Request.Form["RemindMe"].ToString() == "true";
        await mediator.Send(new SetMyReminder(Plan.PlanId, remind), cancellationToken);
        TempData[StaffPage.NoticeKey] = remind ? "We will email you a week before your review date" : "No reminders will be sent";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAgreeAsync(CancellationToken cancellationToken)
    {
        Plan = await mediator.Send(new GetMyPlan(), cancellationToken);
        await mediator.Send(new AgreeMyPlan(Plan.PlanId), cancellationToken);
        TempData[StaffPage.NoticeKey] = "You have agreed your plan. You can still change it at any time";
        return RedirectToPage();
    }

    /// <summary>The plan as a PDF to keep or print. Without Chromium the page says so, and the plan stays readable here.</summary>
    public async Task<IActionResult> OnGetPdfAsync([FromServices] PlanDocument document, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(new GetMyPlan(), cancellationToken);
        try
        {
            var bytes = await pdf.RenderAsync(await document.HtmlAsync(plan, clock.GetUtcNow()), cancellationToken);
            return File(bytes, "application/pdf", "my-plan.pdf");
        }
        catch (PdfUnavailableException ex)
        {
            // What to install is for the hub's administrators (in the log); the person is told what they can do.
            logger.LogWarning("Plan PDF not made: {Reason}", ex.Message);
            TempData[StaffPage.NoticeKey] = "Your plan could not be made into a PDF just now. You can still read it here, or try again in a few minutes";
            return RedirectToPage();
        }
    }

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new EndMySession(), cancellationToken);
        await HttpContext.SignOutAsync(PersonAccess.Scheme);
        return Redirect("/my/signed-out");
    }

    private async Task<IActionResult> Answer(Guid suggestionId, bool accept, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        (fieldFor, refill) = (_ => string.Empty, true);
        await mediator.Send(new AnswerMySuggestion(suggestionId, accept), cancellationToken);
        TempData[StaffPage.NoticeKey] = accept ? "Added to your plan" : "Suggestion declined. Your plan is as you wrote it";
        return RedirectToPage();
    }

    private async Task Load(CancellationToken cancellationToken, bool fillForm)
    {
        Plan = await mediator.Send(new GetMyPlan(), cancellationToken);
        var c = Plan.Content;
        if (fillForm)
        {
            Input = new PlanInput
            {
                WhatMattersToMe = c.WhatMattersToMe,
                Goals = c.Goals.Select(g => (string?)g.Text).ToList(),
                Steps = c.Steps.Select(s => (string?)s.Text).ToList(),
                StepHelpers = c.Steps.Select(s => s.Helpers.Count == 0 ? null : KeyOf(s.Helpers[0])).ToList(),
                WhenStruggling = c.WhenStruggling,
                NumberWho = c.Numbers.Select(n => (string?)n.Who).ToList(),
                NumberNumber = c.Numbers.Select(n => (string?)n.Number).ToList(),
                ReviewOn = c.ReviewOn,
            };
        }
        // A save after a clash goes on from what is saved now.
        Input.Token = Plan.Token;
        ModelState.Remove("Input.Token");
        while (Input.Goals.Count < GoalRows) Input.Goals.Add(null);
        while (Input.NumberWho.Count < NumberRows) Input.NumberWho.Add(null);
        var stepRows = Math.Min(MaxSteps, Math.Max(StepRows, Input.Steps.Count(x => !string.IsNullOrWhiteSpace(x)) + 2));
        while (Input.Steps.Count < stepRows) Input.Steps.Add(null);
        while (Input.StepHelpers.Count < Input.Steps.Count) Input.StepHelpers.Add(null);
        while (Input.NumberNumber.Count < Input.NumberWho.Count) Input.NumberNumber.Add(null);
    }
}
