namespace Hub.Web.Design.Charts;

/// <summary>Vertical columns over time, one per period, such as referrals per week ("3 Nov").</summary>
public sealed record ColumnChart(string Title, string Unit, IReadOnlyList<ChartBar> Bars) : Chart(Title, Unit, Bars)
{
    /// <inheritdoc />
    public override string LabelHeading { get; init; } = "Period";
}
