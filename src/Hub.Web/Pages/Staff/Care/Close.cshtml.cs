using Hub.Application.Spells.CloseSpell;
using Hub.Application.Spells.GetSpellForClosing;
using Hub.Domain.Spells;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Care;

/// <summary>Easy out: close the spell with its reason, offer the closing measures, and give the person the way back.</summary>
public sealed class CloseModel(IMediator mediator) : StaffPage
{
    public const string MessageKey = "Hub.ComeBack";

    public SpellForClosing Spell { get; private set; } = null!;
    public string? ComeBackMessage { get; private set; }
    public bool Emailed { get; private set; }

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        ComeBackMessage = TempData[MessageKey] as string;
        Emailed = TempData["Hub.ComeBackEmailed"] is true;
        Spell = await mediator.Send(new GetSpellForClosing(id), cancellationToken);
        Version = Spell.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        CloseSpellResult? result = null;
        var reason = ParseEnum<SpellClosureReason>(Reason) ?? default;
        if (await TryRun(async () => result = await mediator.Send(new CloseSpell(id, reason, Note, Version), cancellationToken), null))
        {
            switch (result!.Outcome)
            {
                case CloseSpellOutcome.Closed:
                    TempData[MessageKey] = result.ComeBackMessage;
                    TempData["Hub.ComeBackEmailed"] = result.Emailed;
                    return RedirectToPage(new { id });
                case CloseSpellOutcome.ChangedBySomeoneElse:
                    ModelState.AddModelError(nameof(Reason), "Someone else changed this spell while you were looking at it. Check the details below, then close it again");
                    break;
                default:
                    ModelState.AddModelError(nameof(Reason), "This spell is already closed");
                    break;
            }
        }
        Spell = await mediator.Send(new GetSpellForClosing(id), cancellationToken);
        Version = Spell.Version;
        return Page();
    }
}
