using FluentValidation.Results;
using Hub.Application.Referrals;
using Hub.Application.Referrals.AnswerSelfReferralQuestion;
using Hub.Domain.People;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Refer;

/// <summary>
/// One question page of the self-referral (<see cref="SelfReferralQuestions"/>): shows the answers
/// given so far, checks this page's answers, keeps them in the journey cookie and moves on with a
/// redirect, so the browser's back button never asks to send a form again.
/// </summary>
public sealed class QuestionModel(IMediator mediator, SelfReferralJourneyStore journeys) : PageModel, IShowsValidationFailures
{
    [BindProperty]
    public SelfReferralAnswers Answers { get; set; } = new();

    /// <summary>The number for a text message, in the box under "Text message" (the one under "Phone call" is <c>Answers.Phone</c>).</summary>
    [BindProperty]
    public string? TextPhone { get; set; }

    /// <summary>A field people cannot see; software that fills in every field fills this too.</summary>
    [BindProperty]
    public string? Website { get; set; }

    /// <summary>Came from "Change" on the check page: go back there afterwards.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Change { get; set; }

    public SelfReferralQuestion Question { get; private set; } = SelfReferralQuestions.First;

    public SelfReferralJourney? Journey { get; private set; }

    public string BackLink { get; private set; } = "/";

    /// <summary>"Question 3 of 12", counting only the questions asked of this person.</summary>
    public (int Number, int Of) Position { get; private set; }

    public IActionResult OnGet(string? step)
    {
        if (!Load(step))
        {
            return NotFound();
        }
        if (Journey?.IsSent == true)
        {
            return Page();
        }
        Answers = Journey?.Answers ?? new SelfReferralAnswers();
        TextPhone = Answers.ContactMethod == ContactMethod.Text ? Answers.Phone : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? step, CancellationToken cancellationToken)
    {
        if (!Load(step))
        {
            return NotFound();
        }
        if (!string.IsNullOrEmpty(Website))
        {
            journeys.TryWrite(HttpContext, SelfReferralJourney.Start() with { Thanked = true });
            return RedirectToPage("Sent");
        }
        if (Journey?.IsSent == true)
        {
            return Page();
        }

        // Each rule's own message, never the binder's ("The value 'x' is not valid"): the use case checks every field.
        ModelState.Clear();
        var posted = Question == SelfReferralQuestions.First && Answers.ContactMethod == ContactMethod.Text ? Answers with { Phone = TextPhone } : Answers;
        var journey = Journey ?? SelfReferralJourney.Start();
        var answers = SelfReferralQuestions.Merge(journey.Answers, posted, Question);
        Answers = answers; // shown again as typed if refused
        await mediator.Send(new AnswerSelfReferralQuestion(answers, Question.Fields), cancellationToken);

        if (!journeys.TryWrite(HttpContext, journey with { Answers = answers }))
        {
            ModelState.AddModelError(FieldFor(new ValidationFailure("Answers." + Question.Fields[0], string.Empty)),
                "Your answers are too long for us to keep until you send them. Shorten this answer or an earlier one");
            return Page();
        }
        return Redirect(Next(answers));
    }

    /// <summary>The next page: the next question, or after a change the first question still needing an answer, else the check page.</summary>
    private string Next(SelfReferralAnswers answers)
    {
        if (Change)
        {
            // A change can make a question newly asked (a phone call after "I would rather call you"): ask it before checking.
            var unanswered = SelfReferralQuestions.After(Question, answers) is { } next && next.Fields.Contains(nameof(SelfReferralAnswers.SafeToLeaveMessage))
                && answers.SafeToLeaveMessage is null;
            return unanswered ? SelfReferralQuestions.After(Question, answers)!.Path + "?change=true" : "/refer/check";
        }
        return SelfReferralQuestions.After(Question, answers)?.Path ?? "/refer/check";
    }

    private bool Load(string? step)
    {
        if (SelfReferralQuestions.Find(step) is not { } question)
        {
            return false;
        }
        Question = question;
        Journey = journeys.Read(HttpContext);
        var answers = Journey?.Answers ?? new SelfReferralAnswers();
        BackLink = Change ? "/refer/check" : SelfReferralQuestions.Before(question, answers)?.Path ?? "/";
        // Until the contact method is chosen, a question that depends on it counts as asked: the
        // count then only ever shrinks ("I would rather call you" skips one), never grows under the person.
        var undecided = answers.ContactMethod is null;
        var asked = SelfReferralQuestions.All.Where(q => q == question || q.IsAskedOf(answers) || (undecided && q.AskedWhen is not null)).ToList();
        Position = (asked.IndexOf(question) + 1, asked.Count);
        return true;
    }

    public string FieldFor(ValidationFailure failure) =>
        failure.PropertyName == "Answers.Phone" && Answers.ContactMethod == ContactMethod.Text ? nameof(TextPhone) : failure.PropertyName;
}
