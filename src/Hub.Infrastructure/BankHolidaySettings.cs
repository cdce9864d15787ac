using System.Globalization;
using Hub.Domain.Common;
using Microsoft.Extensions.Configuration;

namespace Hub.Infrastructure;

/// <summary>
/// The bank holidays working days are counted with, from <c>Hub:BankHolidays</c>: England and Wales
/// by default; <c>Replace</c> true starts from none (a hub in Scotland or Northern Ireland lists its
/// own), <c>Add</c> adds days (a new proclamation) and <c>Remove</c> takes days out, each as yyyy-MM-dd.
/// </summary>
public static class BankHolidaySettings
{
    public static UkWorkingDays Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Hub:BankHolidays");
        var replace = section.GetValue<bool>("Replace");
        var remove = Dates(section.GetSection("Remove")).ToHashSet();
        var days = (replace ? [] : UkBankHolidays.EnglandAndWales(1990, 2100)).Concat(Dates(section.GetSection("Add")))
            .Where(d => !remove.Contains(d));
        return new UkWorkingDays(days);
    }

    private static IEnumerable<DateOnly> Dates(IConfigurationSection list) =>
        list.GetChildren().Select(c => c.Value).OfType<string>().Select(v =>
            DateOnly.TryParseExact(v.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new InvalidOperationException($"Hub:BankHolidays has '{v}', which is not a date written yyyy-MM-dd."));
}
