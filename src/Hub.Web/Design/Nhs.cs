using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hub.Web.Design;

/// <summary>
/// What the NHS.UK form tag helpers (<c>Design/Forms</c>) share with pages and tests: the id an
/// error summary link points to, a field's first error and the options of a choice. No markup here.
/// </summary>
public static class Nhs
{
    /// <summary>The id of the element an error summary link for <paramref name="name"/> points to.</summary>
    public static string IdFor(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string? ErrorFor(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public sealed record Option(string Value, string Label, string? Hint = null);
}
