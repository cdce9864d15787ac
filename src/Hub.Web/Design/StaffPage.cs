using FluentValidation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Design;

/// <summary>
/// A staff page that runs use cases from forms: a "done" notice carried across the redirect, and a
/// use case's validation failures shown beside the form's fields with everything typed kept.
/// </summary>
public abstract class StaffPage : PageModel
{
    public const string NoticeKey = "Hub.Notice";

    public string? Notice { get; private set; }

    protected void TakeNotice() => Notice = TempData[NoticeKey] as string;

    protected void SetNotice(string notice) => TempData[NoticeKey] = notice;

    /// <summary>
    /// Forgets model binding's own complaints (the use case says what is wrong, in plain words) but
    /// keeps every posted value, so a form shown again has everything the person typed or ticked.
    /// </summary>
    protected void ClearBindingErrors()
    {
        ModelState.Clear();
        if (!Request.HasFormContentType)
        {
            return;
        }
        foreach (var (key, value) in Request.Form)
        {
            if (key != "__RequestVerificationToken")
            {
                ModelState.SetModelValue(key, value.Count > 1 ? value.ToArray() : value.ToString(), value.ToString());
                ModelState.MarkFieldValid(key); // kept to show again, not judged: only the use case's messages count
            }
        }
    }

    /// <summary>
    /// <see cref="ClearBindingErrors"/>, keeping the NHS.UK date inputs' own messages ("must include a
    /// month", "must be a real date") for the dates named. True when every one of those dates was read.
    /// </summary>
    protected bool ClearBindingErrorsButDates(params string[] dates)
    {
        var kept = dates.SelectMany(d => Forms.NhsDateErrors.DateErrors(ModelState, d)).ToList();
        ClearBindingErrors();
        Forms.NhsDateErrors.AddErrors(ModelState, kept);
        return kept.Count == 0;
    }

    /// <summary>A date whose boxes could not be read keeps that message alone, not the use case's "Enter the day" as well.</summary>
    protected void OneMessagePerDate(params string[] dates)
    {
        foreach (var date in dates)
        {
            if (Forms.NhsDateErrors.DateErrors(ModelState, date).Count > 0)
            {
                ModelState.Remove(date);
            }
        }
    }

    /// <summary>Runs <paramref name="action"/>; on a validation failure adds the messages under <paramref name="prefix"/> and returns false.</summary>
    protected async Task<bool> TryRun(Func<Task> action, string? prefix)
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationException ex)
        {
            // A rule about one item of a list ("Skills[3]") is shown on the list's own box.
            var onFields = ex.Errors.Select(e => new FluentValidation.Results.ValidationFailure(
                System.Text.RegularExpressions.Regex.Replace(e.PropertyName, @"\[\d+\]$", string.Empty), e.ErrorMessage));
            ModelState.AddValidationErrors(new ValidationException(onFields), prefix);
            return false;
        }
    }

    /// <summary>Shows a use case's message for one of its fields next to the box that field is called on this page.</summary>
    protected void MoveError(string from, string to)
    {
        if (from != to && ModelState.TryGetValue(from, out var entry) && entry.Errors.Count > 0)
        {
            var message = entry.Errors[0].ErrorMessage;
            ModelState.Remove(from);
            ModelState.AddModelError(to, message);
        }
    }

    /// <summary>
    /// For a form that is no longer on the page (its offer answered, its meeting recorded, nothing left
    /// to agree): the messages under <paramref name="prefix"/> stay in the summary, without a link to
    /// a box that is not there.
    /// </summary>
    protected void KeepMessagesWithoutTheirBoxes(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            var messages = ModelState[key]!.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(key);
            foreach (var message in messages)
            {
                ModelState.AddModelError(string.Empty, message);
            }
        }
    }

    protected static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    protected static IReadOnlyList<T> ParseEnums<T>(IEnumerable<string>? values) where T : struct, Enum =>
        (values ?? []).Select(ParseEnum<T>).OfType<T>().Distinct().ToList();

    /// <summary>Splits a box of one item per line (or comma) into a tidy list.</summary>
    protected static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
