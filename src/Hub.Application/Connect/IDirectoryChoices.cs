namespace Hub.Application.Connect;

/// <summary>
/// The choices the public search form offers: the areas with anything listed, and the neighbourhoods
/// of one area. Each is a handful of names read from thousands of groups, so the database reads them
/// by skipping through an index from one name to the next where it can (Infrastructure), rather than
/// reading every group to find the few distinct names (docs/decisions/043).
/// </summary>
public interface IDirectoryChoices
{
    /// <summary>Every area with at least one listed group, A to Z.</summary>
    Task<List<string>> AreasAsync(CancellationToken cancellationToken);

    /// <summary>The neighbourhoods of the listed groups in <paramref name="area"/>, A to Z.</summary>
    Task<List<string>> NeighbourhoodsAsync(string area, CancellationToken cancellationToken);
}
