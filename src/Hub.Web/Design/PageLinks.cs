using Microsoft.AspNetCore.Http;

namespace Hub.Web.Design;

/// <summary>
/// The "Previous" and "Next" links under a keyset-paged list (NHS.UK pagination): the same address
/// and search, with the token of the row to start after or before. Plain links, so paging works
/// without JavaScript and a page can be bookmarked.
/// </summary>
/// <param name="Label">What the navigation is called for a screen reader, like "Pages of the allocation queue".</param>
public sealed record PageLinks(string? PreviousUrl, string? NextUrl, string Label)
{
    /// <param name="query">The list's own query string (search and filters), without any page token.</param>
    public static PageLinks For(string path, IEnumerable<KeyValuePair<string, string?>> query, string? next, string? previous, string label)
    {
        var kept = query.Where(p => !string.IsNullOrEmpty(p.Value)).ToList();
        string Url(string key, string token) => path + QueryString.Create(kept.Append(new(key, token))).ToUriComponent();
        return new PageLinks(previous is null ? null : Url("before", previous), next is null ? null : Url("after", next), label);
    }
}
