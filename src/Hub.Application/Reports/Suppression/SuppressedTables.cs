namespace Hub.Application.Reports.Suppression;

/// <summary>A labelled figure of a one-way breakdown, as published.</summary>
public sealed record SuppressedCell(string Label, SuppressedValue Value);

/// <summary>A one-way breakdown (for example referrals by source) and its total, as published.</summary>
public sealed record OneWayTable(IReadOnlyList<SuppressedCell> Cells, SuppressedValue Total);

/// <summary>
/// A two-way breakdown (for example contacts by medium and age band) with its row, column and grand
/// totals, as published. <see cref="Rows"/> is indexed <c>[row][column]</c> in the order given.
/// </summary>
public sealed record TwoWayTable(
    IReadOnlyList<IReadOnlyList<SuppressedValue>> Rows,
    IReadOnlyList<SuppressedValue> RowTotals,
    IReadOnlyList<SuppressedValue> ColumnTotals,
    SuppressedValue GrandTotal);
