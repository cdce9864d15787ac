using Hub.Application.CareTeams.OfferHandoff;
using Hub.Application.CareTeams.StepOff;
using Hub.Application.Routing.AgreeCommunityOffer;
using Hub.Application.Routing.GetRoutingSuggestions;
using Hub.Application.Routing.SaveRoutingPreferences;
using Hub.Domain.CareTeams;
using Hub.Domain.Directory;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Care;

/// <summary>Routing: the person's preferences, suggested members and community offers with reasons, and the care team.</summary>
public sealed class RoutingModel(IMediator mediator) : StaffPage
{
    public RoutingPage Routing { get; private set; } = null!;

    [BindProperty] public PreferencesInput Preferences { get; set; } = new();
    [BindProperty] public HandoffInput Handoff { get; set; } = new();
    [BindProperty] public OfferInput Offer { get; set; } = new();

    public sealed class PreferencesInput
    {
        public string? Neighbourhood { get; set; }
        public string? Language { get; set; }
        public bool PeerWorker { get; set; }
        public string? WorkerGender { get; set; }
        public List<string> Days { get; set; } = [];
        public bool Evenings { get; set; }
    }

    public sealed class HandoffInput
    {
        public string? ToMemberId { get; set; }
        public string? SomeoneElse { get; set; }
        public string? Role { get; set; }
        public string? Note { get; set; }
    }

    public sealed class OfferInput
    {
        public string? OfferId { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        TakeNotice();
        await Load(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostPreferencesAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var p = Preferences;
        var gender = ParseEnum<WorkerGender>(p.WorkerGender);
        if (await TryRun(() => mediator.Send(new SaveRoutingPreferences(id, p.Neighbourhood, p.Language, p.PeerWorker, gender, ParseEnums<DayOfWeek>(p.Days), p.Evenings), cancellationToken), "Preferences"))
        {
            SetNotice("Preferences saved; the suggestions below use them");
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken, keepPreferences: true);
        return Page();
    }

    public async Task<IActionResult> OnPostHandoffAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var chosen = Handoff.ToMemberId == "someone-else" ? Handoff.SomeoneElse : Handoff.ToMemberId;
        var to = Guid.TryParse(chosen, out var member) ? member : Guid.Empty;
        var role = ParseEnum<CareTeamRole>(Handoff.Role) ?? default;
        OfferHandoffResult result = default;
        if (await TryRun(async () => result = await mediator.Send(new OfferHandoff(id, to, role, Handoff.Note), cancellationToken), "Handoff"))
        {
            SetNotice(result == OfferHandoffResult.JoinedCareTeam ? "You are on the care team" : "Offer sent. It shows on the care team as waiting until they answer");
            return RedirectToPage(new { id });
        }
        MoveError("Handoff.ToMemberId", Handoff.ToMemberId == "someone-else" ? "Handoff.SomeoneElse" : "Handoff.ToMemberId");
        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOfferAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var offer = Guid.TryParse(Offer.OfferId, out var o) ? o : Guid.Empty;
        if (await TryRun(() => mediator.Send(new AgreeCommunityOffer(id, offer, Offer.Note), cancellationToken), "Offer"))
        {
            SetNotice("Community offer recorded on the care team");
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken);
        if (Routing.Offers.Count == 0)
        {
            KeepMessagesWithoutTheirBoxes("Offer"); // every offer has been agreed meanwhile: there is no form to show
        }
        return Page();
    }

    public async Task<IActionResult> OnPostStepOffAsync(Guid id, Guid memberId, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        if (await TryRun(() => mediator.Send(new StepOffCareTeam(id, memberId), cancellationToken), "CareTeam"))
        {
            SetNotice("Taken off the care team");
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken);
        return Page();
    }


    private async Task Load(Guid id, CancellationToken cancellationToken, bool keepPreferences = false)
    {
        Routing = await mediator.Send(new GetRoutingSuggestions(id), cancellationToken);
        if (!keepPreferences)
        {
            Preferences = new PreferencesInput
            {
                Neighbourhood = Routing.Neighbourhood,
                Language = Routing.Language,
                PeerWorker = Routing.Preferences.PeerWorker,
                WorkerGender = Routing.Preferences.WorkerGender?.ToString(),
                Days = Routing.Preferences.Days.Select(d => d.ToString()).ToList(),
                Evenings = Routing.Preferences.Evenings,
            };
        }
    }
}
