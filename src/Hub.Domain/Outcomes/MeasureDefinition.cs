namespace Hub.Domain.Outcomes;

/// <summary>
/// An outcome measure the hub can administer: its items and scales, how it is scored, what counts
/// as reliable change, and its licence. DIALOG and Goal-Based Outcomes are built in; a deploying
/// organisation adds licensed measures as definition files (their item texts are never shipped).
/// </summary>
public sealed record MeasureDefinition(
    string Code,
    string Name,
    string Licence,
    IReadOnlyList<MeasureItem> Items,
    IReadOnlyList<MeasureScale> Scales,
    bool IsBuiltIn)
{
    public MeasureItem Item(string code) =>
        Items.FirstOrDefault(i => i.Code == code) ?? throw new ArgumentException($"Measure {Code} has no item {code}.", nameof(code));

    /// <summary>Checks the definition is usable: unique codes, sensible ranges, scales naming real items.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Code)) problems.Add("The measure needs a code.");
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("The measure needs a name.");
        if (string.IsNullOrWhiteSpace(Licence)) problems.Add("The measure needs a licence note.");
        if (Items.Count == 0) problems.Add("The measure needs at least one item.");
        foreach (var duplicate in Items.GroupBy(i => i.Code).Where(g => g.Count() > 1)) problems.Add($"Item code {duplicate.Key} is used twice.");
        foreach (var item in Items.Where(i => i.Minimum >= i.Maximum)) problems.Add($"Item {item.Code} needs a minimum below its maximum.");
        foreach (var scale in Scales)
        {
            if (scale.ItemCodes.Count == 0) problems.Add($"Scale {scale.Code} scores no items.");
            foreach (var missing in scale.ItemCodes.Where(c => Items.All(i => i.Code != c))) problems.Add($"Scale {scale.Code} names unknown item {missing}.");
            if (scale.ReliableChange <= 0) problems.Add($"Scale {scale.Code} needs a positive reliable change threshold.");
        }
        return problems;
    }
}

/// <summary>One rated item. <paramref name="Text"/> is what the person is asked.</summary>
public sealed record MeasureItem(string Code, string Text, int Minimum, int Maximum, string? MinimumLabel = null, string? MaximumLabel = null)
{
    public bool Accepts(int rating) => rating >= Minimum && rating <= Maximum;
}

/// <summary>
/// A score made from items: the mean of the answered items (unanswered items are left out, never
/// counted as 0). <paramref name="MinimumAnswered"/> items must be answered for a score to exist.
/// </summary>
public sealed record MeasureScale(string Code, string Name, IReadOnlyList<string> ItemCodes, decimal ReliableChange, bool HigherIsBetter = true, int MinimumAnswered = 1);
