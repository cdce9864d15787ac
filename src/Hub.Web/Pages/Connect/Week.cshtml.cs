using Hub.Application.Connect;
using Hub.Application.Connect.GetWhatsOn;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Hub.Web.Pages.Connect;

/// <summary>What's on this week: the next seven days a day at a time, from the groups' schedules, with the same search as the directory.</summary>
public sealed class WeekModel(IMediator mediator, IOptions<HubOptions> hub) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public DirectorySearch Search { get; set; } = new();

    /// <summary>0 is today, 6 is six days from now.</summary>
    [BindProperty(SupportsGet = true, Name = "on")]
    public int DayOffset { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DirectoryFilter Filter { get; private set; } = null!;
    public WhatsOn Week { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        IndexModel.CheckSearchWords(Search.Q, ModelState);
        // The week walks the days itself: a day in the search would empty every other day.
        Filter = Search.ToFilter(hub.Value.Area) with { Day = null };
        Week = await mediator.Send(new GetWhatsOn(Filter, DayOffset, PageNumber), cancellationToken);
    }
}
