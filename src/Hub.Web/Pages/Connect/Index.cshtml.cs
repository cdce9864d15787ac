using Hub.Application.Connect;
using Hub.Application.Connect.Calendar;
using Hub.Application.Connect.SearchGroups;
using Hub.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Hub.Web.Pages.Connect;

/// <summary>
/// Connect and Do, the public directory: anyone browses and searches local groups, activities and
/// events in one area (borough) without an account, and takes the result to their calendar.
/// </summary>
public sealed class IndexModel(IMediator mediator, IOptions<HubOptions> hub) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public DirectorySearch Search { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DirectoryFilter Filter { get; private set; } = null!;
    public GroupSearch Result { get; private set; } = null!;
    public IReadOnlyList<string> Areas { get; private set; } = [];
    public string HomeArea => hub.Value.Area;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        CheckSearchWords(Search.Q, ModelState);
        Filter = Search.ToFilter(HomeArea);
        Result = await mediator.Send(new SearchGroups(Filter, PageNumber), cancellationToken);
        Areas = Result.Areas.Append(HomeArea).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public async Task<IActionResult> OnGetCalendarAsync(CancellationToken cancellationToken)
    {
        var calendar = await mediator.Send(new GetSearchCalendar(Search.ToFilter(HomeArea)), cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), GroupCalendar.ContentType, "connect-and-do.ics");
    }

    /// <summary>Search words that cannot be searched for are said so, rather than silently dropped.</summary>
    public static void CheckSearchWords(string? words, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        var clean = TextRules.Clean(words);
        if (clean is not null && clean.Length > DirectoryFilter.TextMaxLength)
        {
            state.AddModelError("q", $"Search words must be {DirectoryFilter.TextMaxLength} characters or fewer");
        }
        else if (TextRules.HasForbiddenCharacters(clean, allowLineBreaks: false))
        {
            state.AddModelError("q", "Search words must only include letters, numbers, spaces and punctuation");
        }
    }
}
