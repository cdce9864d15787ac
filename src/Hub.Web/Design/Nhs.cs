using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hub.Web.Design;

/// <summary>
/// NHS.UK design system form fields, rendered the same way everywhere: label, hint, error message
/// and the field's error state, with ids the error summary links to.
/// </summary>
public static class Nhs
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>The id of the element an error summary link for <paramref name="name"/> points to.</summary>
    public static string IdFor(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string? ErrorFor(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public sealed record Option(string Value, string Label, string? Hint = null);

    public static IHtmlContent TextInput(ModelStateDictionary state, string name, string label, string? value, string? hint = null,
        string? autocomplete = null, string type = "text", string? widthClass = null, string? inputMode = null, bool labelIsHeading = false, bool spellcheck = true)
    {
        var id = IdFor(name);
        var error = ErrorFor(state, name);
        var raw = Posted(state, name) ?? value;
        var sb = new StringBuilder();
        sb.Append(GroupOpen(error));
        sb.Append(Label(id, label, labelIsHeading));
        sb.Append(Hint(id, hint));
        sb.Append(ErrorMessage(id, error));
        sb.Append($"<input class=\"nhsuk-input{(widthClass is null ? "" : " " + widthClass)}{(error is null ? "" : " nhsuk-input--error")}\" id=\"{id}\" name=\"{E(name)}\" type=\"{type}\"");
        sb.Append($" value=\"{E(raw ?? string.Empty)}\"");
        if (autocomplete is not null) sb.Append($" autocomplete=\"{autocomplete}\"");
        if (inputMode is not null) sb.Append($" inputmode=\"{inputMode}\"");
        if (!spellcheck) sb.Append(" spellcheck=\"false\"");
        sb.Append(Described(id, hint, error));
        sb.Append("></div>");
        return new HtmlString(sb.ToString());
    }

    public static IHtmlContent Textarea(ModelStateDictionary state, string name, string label, string? value, string? hint = null, int rows = 5, bool labelIsHeading = false)
    {
        var id = IdFor(name);
        var error = ErrorFor(state, name);
        var raw = Posted(state, name) ?? value;
        var sb = new StringBuilder();
        sb.Append(GroupOpen(error));
        sb.Append(Label(id, label, labelIsHeading));
        sb.Append(Hint(id, hint));
        sb.Append(ErrorMessage(id, error));
        sb.Append($"<textarea class=\"nhsuk-textarea{(error is null ? "" : " nhsuk-textarea--error")}\" id=\"{id}\" name=\"{E(name)}\" rows=\"{rows}\"{Described(id, hint, error)}>");
        sb.Append(E(raw ?? string.Empty));
        sb.Append("</textarea></div>");
        return new HtmlString(sb.ToString());
    }

    public static IHtmlContent Radios(ModelStateDictionary state, string name, string legend, IEnumerable<Option> options, string? selected,
        string? hint = null, bool inline = false, bool legendIsHeading = false, bool small = false)
    {
        var id = IdFor(name);
        var error = ErrorFor(state, name);
        var chosen = Posted(state, name) ?? selected;
        var sb = new StringBuilder();
        sb.Append(GroupOpen(error));
        sb.Append($"<fieldset class=\"nhsuk-fieldset\"{Described(id, hint, error)}>");
        sb.Append(Legend(legend, legendIsHeading));
        sb.Append(Hint(id, hint));
        sb.Append(ErrorMessage(id, error));
        sb.Append($"<div class=\"nhsuk-radios{(inline ? " nhsuk-radios--inline" : "")}{(small ? " nhsuk-radios--small" : "")}\">");
        var index = 0;
        foreach (var option in options)
        {
            // The first radio carries the group's id, so the error summary link lands on it.
            var optionId = index++ == 0 ? id : $"{id}-{index}";
            var isChecked = string.Equals(option.Value, chosen, StringComparison.Ordinal);
            sb.Append("<div class=\"nhsuk-radios__item\">");
            sb.Append($"<input class=\"nhsuk-radios__input\" id=\"{optionId}\" name=\"{E(name)}\" type=\"radio\" value=\"{E(option.Value)}\"{(isChecked ? " checked" : "")}{(option.Hint is null ? "" : $" aria-describedby=\"{optionId}-item-hint\"")}>");
            sb.Append($"<label class=\"nhsuk-label nhsuk-radios__label\" for=\"{optionId}\">{E(option.Label)}</label>");
            if (option.Hint is not null)
            {
                sb.Append($"<div class=\"nhsuk-hint nhsuk-radios__hint\" id=\"{optionId}-item-hint\">{E(option.Hint)}</div>");
            }
            sb.Append("</div>");
        }
        sb.Append("</div></fieldset></div>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>NHS checkboxes; every ticked value posts under the same name.</summary>
    public static IHtmlContent Checkboxes(ModelStateDictionary state, string name, string legend, IEnumerable<Option> options, IEnumerable<string> selected,
        string? hint = null, bool small = false)
    {
        var id = IdFor(name);
        var error = ErrorFor(state, name);
        var chosen = (PostedAll(state, name) ?? selected).ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append(GroupOpen(error));
        sb.Append($"<fieldset class=\"nhsuk-fieldset\"{Described(id, hint, error)}>");
        sb.Append(Legend(legend, false));
        sb.Append(Hint(id, hint));
        sb.Append(ErrorMessage(id, error));
        sb.Append($"<div class=\"nhsuk-checkboxes{(small ? " nhsuk-checkboxes--small" : "")}\">");
        var index = 0;
        foreach (var option in options)
        {
            var optionId = index++ == 0 ? id : $"{id}-{index}";
            sb.Append("<div class=\"nhsuk-checkboxes__item\">");
            sb.Append($"<input class=\"nhsuk-checkboxes__input\" id=\"{optionId}\" name=\"{E(name)}\" type=\"checkbox\" value=\"{E(option.Value)}\"{(chosen.Contains(option.Value) ? " checked" : "")}{(option.Hint is null ? "" : $" aria-describedby=\"{optionId}-item-hint\"")}>");
            sb.Append($"<label class=\"nhsuk-label nhsuk-checkboxes__label\" for=\"{optionId}\">{E(option.Label)}</label>");
            if (option.Hint is not null)
            {
                sb.Append($"<div class=\"nhsuk-hint nhsuk-checkboxes__hint\" id=\"{optionId}-item-hint\">{E(option.Hint)}</div>");
            }
            sb.Append("</div>");
        }
        sb.Append("</div></fieldset></div>");
        return new HtmlString(sb.ToString());
    }

    public static IHtmlContent Select(ModelStateDictionary state, string name, string label, IEnumerable<Option> options, string? selected, string? hint = null)
    {
        var id = IdFor(name);
        var error = ErrorFor(state, name);
        var chosen = Posted(state, name) ?? selected;
        var sb = new StringBuilder();
        sb.Append(GroupOpen(error));
        sb.Append(Label(id, label, false));
        sb.Append(Hint(id, hint));
        sb.Append(ErrorMessage(id, error));
        sb.Append($"<select class=\"nhsuk-select{(error is null ? "" : " nhsuk-select--error")}\" id=\"{id}\" name=\"{E(name)}\"{Described(id, hint, error)}>");
        foreach (var option in options)
        {
            var isSelected = string.Equals(option.Value, chosen ?? string.Empty, StringComparison.Ordinal);
            sb.Append($"<option value=\"{E(option.Value)}\"{(isSelected ? " selected" : "")}>{E(option.Label)}</option>");
        }
        sb.Append("</select></div>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Day, month and year in one fieldset; errors are reported against the day field.</summary>
    public static IHtmlContent DateInput(ModelStateDictionary state, string prefix, string dayName, string monthName, string yearName, string legend,
        string? day, string? month, string? year, string? hint = null)
    {
        var id = IdFor(prefix + dayName);
        var error = ErrorFor(state, prefix + dayName);
        string Value(string name, string? fallback) =>
            Posted(state, prefix + name) ?? fallback ?? string.Empty;
        var sb = new StringBuilder();
        sb.Append(GroupOpen(error));
        sb.Append($"<fieldset class=\"nhsuk-fieldset\" role=\"group\"{Described(id, hint, error)}>");
        sb.Append(Legend(legend, false));
        sb.Append(Hint(id, hint));
        sb.Append(ErrorMessage(id, error));
        sb.Append("<div class=\"nhsuk-date-input\">");
        foreach (var (name, label, width, value, autocomplete) in new[]
        {
            (dayName, "Day", 2, day, "bday-day"), (monthName, "Month", 2, month, "bday-month"), (yearName, "Year", 4, year, "bday-year"),
        })
        {
            var fieldId = IdFor(prefix + name);
            sb.Append("<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group\">");
            sb.Append($"<label class=\"nhsuk-label nhsuk-date-input__label\" for=\"{fieldId}\">{label}</label>");
            sb.Append($"<input class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-{width}{(error is null ? "" : " nhsuk-input--error")}\" id=\"{fieldId}\" name=\"{E(prefix + name)}\" type=\"text\" inputmode=\"numeric\" autocomplete=\"{autocomplete}\" value=\"{E(Value(name, value))}\">");
            sb.Append("</div></div>");
        }
        sb.Append("</div></fieldset></div>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>The NHS error summary: a focusable alert listing every error, each linking to its field.</summary>
    public static IHtmlContent ErrorSummary(ModelStateDictionary state)
    {
        var errors = state.Where(kv => kv.Value?.Errors.Count > 0).ToList();
        if (errors.Count == 0)
        {
            return HtmlString.Empty;
        }
        var sb = new StringBuilder();
        sb.Append("<div class=\"nhsuk-error-summary\" data-module=\"nhsuk-error-summary\" aria-labelledby=\"error-summary-title\" role=\"alert\" tabindex=\"-1\">");
        sb.Append("<h2 class=\"nhsuk-error-summary__title\" id=\"error-summary-title\">There is a problem</h2>");
        sb.Append("<div class=\"nhsuk-error-summary__body\"><ul class=\"nhsuk-list nhsuk-error-summary__list\">");
        foreach (var (key, entry) in errors)
        {
            foreach (var error in entry!.Errors)
            {
                sb.Append(string.IsNullOrEmpty(key)
                    ? $"<li>{E(error.ErrorMessage)}</li>"
                    : $"<li><a href=\"#{IdFor(key)}\">{E(error.ErrorMessage)}</a></li>");
            }
        }
        sb.Append("</ul></div></div>");
        return new HtmlString(sb.ToString());
    }

    private static string E(string value) => Encoder.Encode(value);

    /// <summary>What the person last posted for a field, so a form shown again keeps it.</summary>
    private static string? Posted(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) ? entry.AttemptedValue : null;

    private static IEnumerable<string>? PostedAll(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.RawValue is not null
            ? entry.RawValue switch { string one => [one], string[] many => many, _ => null }
            : null;

    private static string GroupOpen(string? error) =>
        $"<div class=\"nhsuk-form-group{(error is null ? "" : " nhsuk-form-group--error")}\">";

    private static string Label(string id, string label, bool isHeading) => isHeading
        ? $"<h1 class=\"nhsuk-label-wrapper\"><label class=\"nhsuk-label nhsuk-label--l\" for=\"{id}\">{E(label)}</label></h1>"
        : $"<label class=\"nhsuk-label\" for=\"{id}\">{E(label)}</label>";

    private static string Legend(string legend, bool isHeading) => isHeading
        ? $"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--l\"><h1 class=\"nhsuk-fieldset__heading\">{E(legend)}</h1></legend>"
        : $"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">{E(legend)}</legend>";

    private static string Hint(string id, string? hint) =>
        hint is null ? string.Empty : $"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{E(hint)}</div>";

    private static string ErrorMessage(string id, string? error) =>
        error is null ? string.Empty : $"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {E(error)}</span>";

    private static string Described(string id, string? hint, string? error)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add($"{id}-hint");
        if (error is not null) ids.Add($"{id}-error");
        return ids.Count == 0 ? string.Empty : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }
}
