using FluentValidation;
using FluentValidation.Results;
using Hub.Application.Common;
using Hub.Application.Conversations.GetConversation;
using Hub.Application.Conversations.SaveConversation;
using Hub.Application.Conversations.SaveConversationSection;
using Hub.Application.Outcomes;
using Hub.Domain.Conversations;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Conversations;

/// <summary>
/// One section of the conversation on a page of its own, saved on its own: its errors are shown
/// here and hold up nothing else. Without JavaScript the practitioner saves with the button; with
/// it, the section also saves itself as a draft. A save that would overwrite someone else's shows
/// what they saved and keeps every word typed. People in their life are added, changed and
/// removed one at a time, so the page stays short however many there are.
/// </summary>
public sealed class SectionModel(IMediator mediator, IMeasureRegistry measures) : PageModel, IShowsValidationFailures
{
    public const string Yes = "yes";
    public const string No = "no";

    private Dictionary<string, string> fieldOf = [];
    private Guid conversationId;

    public ConversationView View { get; private set; } = null!;
    public ConversationSection Section { get; private set; }
    public IMeasureRegistry Measures => measures;
    public ConflictDetails? Conflict { get; private set; }
    public string? Notice { get; private set; }

    [BindProperty] public ConversationForm Form { get; set; } = new();
    [BindProperty] public Guid Token { get; set; }

    /// <summary>The section as this page found it: a colleague's save of another section is then no conflict.</summary>
    [BindProperty] public string? Stamp { get; set; }

    /// <summary>The answer to "Have you completed this section?": yes, no, or not given.</summary>
    [BindProperty] public string? SectionDone { get; set; }

    /// <summary>The person being added or changed on the people page.</summary>
    [BindProperty] public ConversationForm.NetworkRow Person { get; set; } = new();

    /// <summary>Which person is being changed; none when adding one.</summary>
    [BindProperty(SupportsGet = true, Name = "person")] public int? PersonIndex { get; set; }

    public bool Completed => View.Status == ConversationStatus.Completed;

    /// <summary>The box each refused part came from; anything else goes in the summary.</summary>
    public string FieldFor(ValidationFailure failure)
    {
        var path = failure.PropertyName;
        if (path.StartsWith("Person.Member", StringComparison.Ordinal))
        {
            return path.Length > "Person.Member.".Length ? "Person." + path["Person.Member.".Length..] : "Person.Name";
        }
        path = path.StartsWith("Content.", StringComparison.Ordinal) ? path["Content.".Length..] : path;
        return fieldOf.TryGetValue(path, out var field) ? field : string.Empty;
    }

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        if (!Resolve(section))
        {
            return NotFound();
        }
        Notice = TempData["Hub.Notice"] as string;
        View = await mediator.Send(new GetConversation(id), cancellationToken);
        if (PersonIndex is { } i && (i < 0 || i >= View.Content.Network.Count))
        {
            return NotFound();
        }
        Form = ConversationForm.From(View.Content, measures, extraNetworkRows: 0);
        Person = PersonIndex is { } index ? Form.Network[index] : new ConversationForm.NetworkRow();
        SectionDone = Completed ? null : View.Content.ProgressOf(Section) == SectionProgress.Completed ? Yes : View.Content.HasAnything(Section) ? No : null;
        Token = View.Token;
        Stamp = View.Content.StampOf(Section);
        return Page();
    }

    /// <summary>"Save and continue": saves the section and goes back to the task list.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        if (!Resolve(section))
        {
            return NotFound();
        }
        var refused = await SaveAsync(id, Done(), Section == ConversationSection.People ? PersonChanged() : null, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        return Redirect(SectionPages.TaskListUrl(id) + "#task-" + Section.Slug());
    }

    /// <summary>Without JavaScript too: saves the person typed and offers an empty row for the next.</summary>
    public async Task<IActionResult> OnPostAddPersonAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        if (!Resolve(section) || Section != ConversationSection.People)
        {
            return NotFound();
        }
        var refused = await SaveAsync(id, Done(), PersonChanged(), cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        TempData["Hub.Notice"] = "Saved. Add the next person below.";
        return Redirect(SectionPages.Url(id, Section) + "#person");
    }

    /// <summary>Takes one person out of the network map.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string section, int remove, CancellationToken cancellationToken)
    {
        if (!Resolve(section) || Section != ConversationSection.People)
        {
            return NotFound();
        }
        PersonIndex = null;
        var refused = await SaveAsync(id, null, new PersonChange(remove, null), cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        TempData["Hub.Notice"] = "Removed from the network map.";
        return Redirect(SectionPages.Url(id, Section));
    }

    private static readonly NetworkMemberValidator PersonRules = new();

    /// <summary>Called by the autosave script: JSON in reply, never a page.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        if (!Resolve(section))
        {
            return NotFound();
        }
        // On the people page only the completion answer is autosaved (a half-typed row is not a person
        // yet), but a row the explicit save would refuse is refused here too, rather than saved around.
        if (Section == ConversationSection.People && PersonChanged() is { Member: { } member } && !PersonRules.Validate(member).IsValid)
        {
            return new JsonResult(new { saved = false, invalid = true }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        try
        {
            var result = await mediator.Send(new SaveConversationSection(id, Section, Posted(), Done(), Token, SectionStamp: Stamp), cancellationToken);
            return result.Saved
                ? new JsonResult(new { saved = true, token = result.Token, stamp = result.SectionStamp, at = UkTime.ToLocal(DateTimeOffset.UtcNow).ToString("HH:mm", UkTime.Culture) })
                : new JsonResult(new { saved = false, conflict = true }) { StatusCode = StatusCodes.Status409Conflict };
        }
        catch (ValidationException)
        {
            // The person's words stay in the browser; the explicit save shows what to fix.
            return new JsonResult(new { saved = false, invalid = true }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
    }

    private bool Resolve(string section)
    {
        if (SectionPages.FromSlug(section) is not { } found)
        {
            return false;
        }
        Section = found;
        return true;
    }

    private bool? Done() => SectionDone switch { Yes => true, No => false, _ => null };

    private PersonChange? PersonChanged()
    {
        if (Person.IsBlank)
        {
            return null;
        }
        var (content, _) = new ConversationForm { Network = [Person] }.ToContent();
        return new PersonChange(PersonIndex, content.Network[0]);
    }

    /// <summary>What the section's own boxes say, with where each part came from for the error messages.</summary>
    private Domain.Conversations.ConversationContent Posted()
    {
        Form.KeepTheHubsRows(measures);
        var (content, map) = Form.ToContent();
        fieldOf = map;
        return content;
    }

    /// <summary>Null when saved; otherwise the page to show again (someone else saved first).</summary>
    private async Task<IActionResult?> SaveAsync(Guid id, bool? done, PersonChange? person, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        conversationId = id;
        var result = await mediator.Send(new SaveConversationSection(id, Section, Posted(), done, Token, person, Stamp), cancellationToken);
        if (result.Saved)
        {
            TempData["Hub.Notice"] = result.VersionNumber > 0 ? $"Saved as version {result.VersionNumber}." : $"\u201c{Section.Describe()}\u201d saved.";
            return null;
        }

        // Someone else saved first: keep this practitioner's words in the form, show theirs, and
        // take the new token so that saving again is a deliberate choice.
        Conflict = result.Conflict;
        Token = result.Token;
        Stamp = result.Conflict!.CurrentContent.StampOf(Section);
        ModelState.AddModelError(string.Empty, $"{result.Conflict!.SavedBy} saved this conversation at {UkTime.Format(result.Conflict.SavedAt)} while you were editing. Your changes are below and have not been saved yet. Compare them with what was saved, then save again to keep yours.");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await mediator.Send(new GetConversation(conversationId), cancellationToken);
        // The form keeps what was posted; the hub's own rows (DIALOG items, life areas) stay in place.
        Form.KeepTheHubsRows(measures);
        if (Form.Goals.Count < Hub.Domain.Outcomes.BuiltInMeasures.MaxGoals)
        {
            Form.Goals.AddRange(Enumerable.Range(0, Hub.Domain.Outcomes.BuiltInMeasures.MaxGoals - Form.Goals.Count).Select(_ => new ConversationForm.GoalRow()));
        }
    }
}
