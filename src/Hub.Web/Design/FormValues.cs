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
}
