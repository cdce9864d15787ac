using System.Globalization;
using Hub.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hub.Web.Design.Forms;

/// <summary>
/// Binds a date (<see cref="DateOnly"/>) or a UK date and time (<see cref="DateTimeOffset"/>, read
/// as London time and held as the instant) from the NHS.UK date input's boxes: <c>Name.Day</c>,
/// <c>Name.Month</c>, <c>Name.Year</c> and, for a time, <c>Name.Hour</c> and <c>Name.Minute</c>.
/// All boxes empty is no value (the use case says when one is needed). Otherwise each problem is
/// reported on the box it is about, in the words the NHS.UK design system gives ("Date of contact
/// must include a month", "must be a real date"), and what was typed stays in the boxes.
/// </summary>
public sealed class NhsDateModelBinder : IModelBinder
{
    public static readonly string[] DateParts = ["Day", "Month", "Year"];
    public static readonly string[] TimeParts = ["Hour", "Minute"];

    /// <summary>Where the boxes a problem is about are left for the date input to mark.</summary>
    public static string BoxesKey(string name) => "Hub.NhsDate.Boxes:" + name;

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var type = Nullable.GetUnderlyingType(bindingContext.ModelType) ?? bindingContext.ModelType;
        var withTime = type == typeof(DateTimeOffset);
        if (type != typeof(DateOnly) && !withTime)
        {
            throw new InvalidOperationException($"The NHS.UK date input binds DateOnly or DateTimeOffset, not {type.Name}.");
        }
        var name = bindingContext.ModelName;
        var label = bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.Name ?? "The date";
        var parts = (withTime ? DateParts.Concat(TimeParts) : DateParts).ToDictionary(p => p, p =>
        {
            var result = bindingContext.ValueProvider.GetValue($"{name}.{p}");
            if (result != ValueProviderResult.None)
            {
                // Only boxes that were sent: an address without them (a link, a first visit) shows the stored value.
                bindingContext.ModelState.SetModelValue($"{name}.{p}", result);
            }
            return result.FirstValue?.Trim() ?? string.Empty;
        });

        var read = Read(parts, label, withTime);
        if (read.Error is { } error)
        {
            // The message once, on the first box it is about (the summary links there); the date input
            // marks every box it is about.
            bindingContext.ModelState.TryAddModelError($"{name}.{read.Boxes[0]}", error);
            bindingContext.HttpContext.Items[BoxesKey(name)] = read.Boxes;
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
        bindingContext.Result = read.Local is not { } local ? ModelBindingResult.Success(null)
            : withTime ? ModelBindingResult.Success(UkTime.FromLocal(local))
            : ModelBindingResult.Success(DateOnly.FromDateTime(local));
        return Task.CompletedTask;
    }

    /// <summary>What the boxes say: a wall-clock time in London, nothing, or the problem and the boxes it is about.</summary>
    public static (DateTime? Local, string? Error, string[] Boxes) Read(IReadOnlyDictionary<string, string> parts, string label, bool withTime)
    {
        if (parts.Values.All(string.IsNullOrEmpty))
        {
            return (null, null, []);
        }
        // Only the boxes that are not numbers are marked, so the summary links to the one to change;
        // a box holding something else is named before boxes left empty beside it.
        var notNumbers = DateParts.Where(p => parts[p].Length > 0 && !Number(parts[p], p == "Year" ? 4 : 2, out _)).ToArray();
        if (notNumbers.Length > 0)
        {
            return (null, $"{label} must be a real date", notNumbers);
        }
        var missing = DateParts.Where(p => parts[p].Length == 0).ToArray();
        if (missing.Length > 0)
        {
            return (null, $"{label} must include a {string.Join(" and ", missing.Select(m => m.ToLowerInvariant()))}", missing);
        }
        Number(parts["Day"], 2, out var day);
        Number(parts["Month"], 2, out var month);
        Number(parts["Year"], 4, out var year);
        if (parts["Year"].Length != 4)
        {
            return (null, "Year must include 4 numbers", ["Year"]);
        }
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, $"{label} must be a real date", month is < 1 or > 12 ? ["Month"] : day < 1 || day > 31 ? ["Day"] : DateParts);
        }
        if (!withTime)
        {
            return (new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified), null, []);
        }

        var missingTime = TimeParts.Where(p => parts[p].Length == 0).ToArray();
        if (missingTime.Length > 0)
        {
            return (null, $"{label} must include {(missingTime.Length == 2 ? "a time" : missingTime[0] == "Hour" ? "an hour" : "a minute")}", missingTime);
        }
        if (!Number(parts["Hour"], 2, out var hour) || !Number(parts["Minute"], 2, out var minute) || hour > 23 || minute > 59)
        {
            return (null, $"{label} must be a real time, like 14:30", !Number(parts["Hour"], 2, out var h) || h > 23 ? ["Hour"] : ["Minute"]);
        }
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        if (UkTime.Zone.IsInvalidTime(local))
        {
            // The hour the clocks skip in spring never happens in the UK.
            return (null, $"{label} must be a real time: the clocks went forward at 1am that night, so 1am to 2am did not happen", ["Hour"]);
        }
        return (local, null, []);
    }

    private static bool Number(string text, int maxDigits, out int value)
    {
        value = 0;
        return text.Length <= maxDigits && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>Binds the property from the NHS.UK date input's boxes (see <see cref="NhsDateModelBinder"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NhsDateAttribute : ModelBinderAttribute
{
    public NhsDateAttribute() : base(typeof(NhsDateModelBinder)) { }
}

/// <summary>For pages that clear binding errors to let the use case judge: the date input's own messages are kept.</summary>
public static class NhsDateErrors
{
    /// <summary>The messages the binder gave the boxes of <paramref name="name"/>.</summary>
    public static List<(string Key, string Message)> DateErrors(this ModelStateDictionary state, string name) =>
        state.Where(kv => kv.Key.StartsWith(name + ".", StringComparison.Ordinal) && kv.Value?.Errors.Count > 0)
            .SelectMany(kv => kv.Value!.Errors.Select(e => (kv.Key, e.ErrorMessage)))
            .ToList();

    public static void AddErrors(this ModelStateDictionary state, IEnumerable<(string Key, string Message)> errors)
    {
        foreach (var (key, message) in errors)
        {
            state.AddModelError(key, message);
        }
    }

    /// <summary>
    /// Clears ModelState (for pages that let the use case judge every answer) but for the boxes of the
    /// dates named: what was typed in them and the date input's own messages stay. True when every
    /// one of those dates was read.
    /// </summary>
    public static bool ClearAllButDates(this ModelStateDictionary state, params string[] dates)
    {
        var kept = state.Where(kv => kv.Value is not null && dates.Any(d => kv.Key.StartsWith(d + ".", StringComparison.Ordinal)))
            .Select(kv => (kv.Key, kv.Value!.RawValue, kv.Value.AttemptedValue, Errors: kv.Value.Errors.Select(e => e.ErrorMessage).ToList()))
            .ToList();
        state.Clear();
        foreach (var (key, raw, attempted, errors) in kept)
        {
            state.SetModelValue(key, raw, attempted);
            state.MarkFieldValid(key); // kept to show again; only its own messages count against it
            foreach (var error in errors)
            {
                state.AddModelError(key, error);
            }
        }
        return kept.All(k => k.Errors.Count == 0);
    }
}
