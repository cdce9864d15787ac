using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Validation;

/// <summary>
/// A page that says where its use cases' validation failures are shown and what it loads beside
/// them. Pages that need neither do not implement it: each failure goes on the field of its name.
/// </summary>
public interface IShowsValidationFailures
{
    /// <summary>The ModelState key a failure is shown under; <see cref="string.Empty"/> puts it in the error summary only.</summary>
    string FieldFor(ValidationFailure failure) => failure.PropertyName;

    /// <summary>Loads what the page shows beside the errors, before it is rendered again (not named On…: Razor Pages would take it for a handler).</summary>
    Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// The one place a use case's <see cref="ValidationException"/> (invalid input, or an expected
/// refusal) becomes ModelState errors on the page that sent it, rendered with the NHS error summary,
/// instead of a catch block in every handler. Pages that catch it themselves keep doing so.
/// </summary>
internal sealed class ValidationFailurePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not ValidationException invalid || executed.ExceptionHandled || context.HandlerInstance is not PageModel page)
        {
            return;
        }
        var shows = page as IShowsValidationFailures;
        // Reloaded first, so each message is placed by what the page will show now: another request may have
        // changed the record between this one's load and its refusal (a form the page no longer shows has no field).
        if (shows is not null)
        {
            await shows.ReloadAfterRefusalAsync(context.HttpContext.RequestAborted);
        }
        foreach (var failure in invalid.Errors)
        {
            var key = shows?.FieldFor(failure) ?? failure.PropertyName;
            // One message per field (the first rule that failed); the summary alone takes each distinct one.
            var shown = page.ModelState.TryGetValue(key, out var entry) ? entry.Errors : null;
            if (shown is null || shown.Count == 0 || (key.Length == 0 && shown.All(e => e.ErrorMessage != failure.ErrorMessage)))
            {
                page.ModelState.AddModelError(key, failure.ErrorMessage);
            }
        }
        executed.Result = page.Page();
        executed.ExceptionHandled = true;
    }
}
