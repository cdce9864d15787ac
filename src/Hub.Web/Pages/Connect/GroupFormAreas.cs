using Hub.Application.Connect;

namespace Hub.Web.Pages.Connect;

/// <summary>
/// The area choices of the group form (Start a group, and an organiser's change through their link):
/// every area with a listed group, read as the directory's search form reads them
/// (<see cref="IDirectoryChoices"/>, one index step per name; docs/decisions/043), the hub's own area so a
/// first group can be proposed, and the area already chosen, so nothing typed or stored is lost.
/// </summary>
public static class GroupFormAreas
{
    public static async Task<IReadOnlyList<string>> ReadAsync(IDirectoryChoices choices, string homeArea, string? chosen, CancellationToken cancellationToken)
    {
        var areas = await choices.AreasAsync(cancellationToken);
        IEnumerable<string> offered = areas.Append(homeArea);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            offered = offered.Append(chosen.Trim());
        }
        return offered.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
