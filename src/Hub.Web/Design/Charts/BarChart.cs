namespace Hub.Web.Design.Charts;

/// <summary>Horizontal bars, one per group, such as referrals by neighbourhood.</summary>
public sealed record BarChart(string Title, string Unit, IReadOnlyList<ChartBar> Bars) : Chart(Title, Unit, Bars)
{
    /// <inheritdoc />
    public override string LabelHeading { get; init; } = "Group";

    /// <summary>
    /// Each label to the left of its bar on the same line rather than on the line above: half the
    /// height, for a printed page where the drawing has the width of an A4 column rather than a phone.
    /// </summary>
    public bool LabelsBeside { get; init; }
}
