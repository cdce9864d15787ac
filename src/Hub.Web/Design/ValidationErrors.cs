using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hub.Web.Design;

public static class ValidationErrors
{
    /// <summary>Copies a use case's validation failures into ModelState, under the form's field names.</summary>
    public static void AddValidationErrors(this ModelStateDictionary state, ValidationException exception, string? prefix = null)
    {
        foreach (var failure in exception.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? failure.PropertyName : $"{prefix}.{failure.PropertyName}";
            if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue; // one message per field, the first rule that failed
            }
            state.AddModelError(key, failure.ErrorMessage);
        }
    }
}
