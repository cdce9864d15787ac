using Hub.Application.Common.Messaging;
using Hub.Application.Connect;
using Hub.Application.Connect.ForPeople.FindGroupsForPerson;
using Hub.Application.Connect.ForPeople.SendGroupPage;
using Hub.Application.Connect.ForPeople.SuggestGroupStep;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hub.Web.Pages.Staff.Care;

/// <summary>
/// Links to the hub from Connect and Do: staff find a published group with the person, then send
/// them its public page (by text or email, as they chose) or suggest it as a step in their plan,
/// which the person accepts or not.
/// </summary>
public sealed class GroupsModel(IMediator mediator, IOptions<HubOptions> hub) : StaffPage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The page of results ("p": Razor Pages keeps "page" for the page's own name).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty] public Guid GroupId { get; set; }

    public GroupsForPerson View { get; private set; } = null!;

    /// <summary>Search words that cannot be searched for: said so on the page and the search shows every group.</summary>
    private bool searchRefused;
    public Guid ReferralId { get; private set; }

    /// <summary>Search words as used (the public directory's limit applies).</summary>
    public string? Words => searchRefused || string.IsNullOrWhiteSpace(Query) ? null : Query.Trim() is var q && q.Length > DirectoryFilter.TextMaxLength ? q[..DirectoryFilter.TextMaxLength] : Query.Trim();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        TakeNotice();
        await Load(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        MessageChannel channel = default;
        if (await TryRun(async () => channel = await mediator.Send(new SendGroupPage(id, GroupId), cancellationToken), null))
        {
            SetNotice(channel == MessageChannel.Text
                ? "The group's page is queued to go to the person by text. The record shows when it has been sent, or if it could not be"
                : "The group's page is queued to go to the person by email. The record shows when it has been sent, or if it could not be");
            return Redirect(Here(id));
        }
        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSuggestAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var added = false;
        if (await TryRun(async () => added = await mediator.Send(new SuggestGroupStep(id, GroupId), cancellationToken), null))
        {
            SetNotice(added
                ? "Suggested as a step in their plan. The person sees it in their plan and decides"
                : "This group is already suggested and waiting for the person");
            return Redirect(Here(id));
        }
        await Load(id, cancellationToken);
        return Page();
    }

    /// <summary>This page with the same search.</summary>
    private string Here(Guid id) =>
        $"/staff/care/{id}/groups?" + (Words is { } words ? $"q={Uri.EscapeDataString(words)}&" : string.Empty) + $"p={Math.Max(1, PageNumber)}";

    private async Task Load(Guid id, CancellationToken cancellationToken)
    {
        ReferralId = id;
        var before = ModelState.ErrorCount;
        Hub.Web.Pages.Connect.IndexModel.CheckSearchWords(Query, ModelState);
        searchRefused = ModelState.ErrorCount > before;
        View = await mediator.Send(new FindGroupsForPerson(id, hub.Value.Area, Words, Math.Max(1, PageNumber)), cancellationToken);
    }
}
