using System.Text;

namespace Hub.Application.Reports;

/// <summary>
/// The report's figures as CSV, one published value per line, exactly as suppressed in the report:
/// report, period and scope first, then the summary's headline figures beside the previous
/// period's, then section, table, group, measure and value. Text that a
/// spreadsheet would run as a formula is prefixed with an apostrophe.
/// </summary>
public static class ReportCsv
{
    public const string Header = "Section,Table,Group,Measure,Value";

    public static string Write(CommissionerReport report)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append("\r\n");
        Line(sb, "Report", "About this report", "Period start", "Date", report.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Line(sb, "Report", "About this report", "Period end", "Date", report.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Line(sb, "Report", "About this report", "Scope", "Name", report.ScopeLabel);
        if (report.Summary is { } summary)
        {
            Line(sb, "Report", "About this report", "Previous period start", "Date", summary.PreviousFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Line(sb, "Report", "About this report", "Previous period end", "Date", summary.PreviousTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var headline in summary.Headlines)
            {
                Line(sb, "Summary", "Headline figures", headline.Measure, "This period", headline.ThisPeriod.Text);
                Line(sb, "Summary", "Headline figures", headline.Measure, "Previous period", headline.PreviousPeriod.Text);
            }
        }
        foreach (var section in report.Sections)
        {
            foreach (var table in section.Tables)
            {
                foreach (var row in table.Rows)
                {
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        if (row.Values[i].Text.Length > 0)
                        {
                            Line(sb, section.Title, table.Title, row.Group, table.Columns[i], row.Values[i].Text);
                        }
                    }
                }
            }
        }
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, params string[] fields)
    {
        sb.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !IsNumber(value) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }

    private static bool IsNumber(string value) => decimal.TryParse(value.TrimEnd('%'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _);
}
