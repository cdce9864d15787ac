namespace Hub.Web.Design.Charts;

/// <summary>Horizontal bars, one per group, such as referrals by neighbourhood.</summary>
public sealed record BarChart(string Title, string Unit, IReadOnlyList<ChartBar> Bars) : Chart(Title, Unit, Bars)
{
    /// <inheritdoc />
    public override string LabelHeading { get; init; } = "Group";
}
