using System.Globalization;
using Hub.Application.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hub.Web.Design;

/// <summary>
/// Reading what staff type into date-and-time and minutes boxes. A value that cannot be read adds
/// its message next to the box and gives null; a blank minutes box is null with no message (the use
/// case says when one is needed).
/// </summary>
public static class FormValues
{
    /// <summary>What a datetime-local box sends, and what pages put in it.</summary>
    public const string WhenFormat = "yyyy-MM-ddTHH:mm";

    public static DateTimeOffset? ReadWhen(this ModelStateDictionary state, string? value, string key, string example)
    {
        if (DateTime.TryParseExact(value?.Trim(), [WhenFormat, "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return UkTime.FromLocal(local);
        }
        state.AddModelError(key, $"Enter the date and time, like {example}");
        return null;
    }

    public static int? ReadMinutes(this ModelStateDictionary state, string? value, string key, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return minutes;
        }
        state.AddModelError(key, $"Enter the duration in whole minutes, like {example}");
        return null;
    }

    /// <summary>What a date box sends, and what pages put in it.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>A day typed or picked in a date box (also 31/10/2026 or 31 10 2026); a message next to the box when it cannot be read.</summary>
    public static DateOnly? ReadDay(this ModelStateDictionary state, string? value, string key, string what)
    {
        if (DateOnly.TryParseExact(value?.Trim(), [DayFormat, "d/M/yyyy", "d M yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        state.AddModelError(key, $"Enter {what} as a date, like 31/10/2026");
        return null;
    }
}
