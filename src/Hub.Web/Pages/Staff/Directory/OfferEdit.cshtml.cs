using System.Globalization;
using Hub.Application.CommunityOffers.GetOffer;
using Hub.Application.CommunityOffers.SaveOffer;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Directory;

/// <summary>Administrators: add a community offer by hand, or correct one.</summary>
public sealed class OfferEditModel(IMediator mediator) : StaffPage
{
    public const int SessionRows = 3;

    public Guid? OfferId { get; private set; }

    [BindProperty] public OfferInput Input { get; set; } = new();

    public sealed class OfferInput
    {
        public string? Name { get; set; }
        public string? OrganisationName { get; set; }
        public string? Description { get; set; }
        public List<string> HelpsWith { get; set; } = [];
        public string? Neighbourhood { get; set; }
        public string? LocationName { get; set; }
        public string? Postcode { get; set; }
        public List<SessionInput> Sessions { get; set; } = [];
        public string? ScheduleNote { get; set; }
        public bool IsFree { get; set; }
        public string? CostNote { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Url { get; set; }
        public bool PeerLed { get; set; }
        public string? Languages { get; set; }
        public bool Inactive { get; set; }
    }

    public sealed class SessionInput
    {
        public string? Day { get; set; }
        public string? Opens { get; set; }
        public string? Closes { get; set; }
    }

    public async Task OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        OfferId = id;
        if (id is { } offerId)
        {
            var o = await mediator.Send(new GetCommunityOffer(offerId), cancellationToken);
            Input = new OfferInput
            {
                Name = o.Name, OrganisationName = o.OrganisationName, Description = o.Description, HelpsWith = o.HelpsWith.Select(a => a.ToString()).ToList(),
                Neighbourhood = o.Neighbourhood, LocationName = o.LocationName, Postcode = o.Postcode,
                Sessions = o.Sessions.Select(s => new SessionInput { Day = s.Day.ToString(), Opens = Time(s.Opens), Closes = Time(s.Closes) }).ToList(),
                ScheduleNote = o.ScheduleNote, IsFree = o.IsFree, CostNote = o.CostNote, Phone = o.Phone, Email = o.Email, Url = o.Url,
                PeerLed = o.PeerLed, Languages = string.Join('\n', o.Languages), Inactive = !o.Active,
            };
        }
        else
        {
            Input.IsFree = true;
        }
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        OfferId = id;
        var sessions = new List<OfferSession>();
        for (var i = 0; i < Input.Sessions.Count; i++)
        {
            var row = Input.Sessions[i];
            if (string.IsNullOrWhiteSpace(row.Day) && string.IsNullOrWhiteSpace(row.Opens) && string.IsNullOrWhiteSpace(row.Closes))
            {
                continue;
            }
            var day = ParseEnum<DayOfWeek>(row.Day);
            var opens = ParseTime(row.Opens);
            var closes = ParseTime(row.Closes);
            if (day is null || opens is null || closes is null)
            {
                ModelState.AddModelError($"Input.Sessions[{i}].Day", $"Session {i + 1}: choose the day and enter the times like 18:00");
            }
            else if (closes <= opens)
            {
                ModelState.AddModelError($"Input.Sessions[{i}].Day", $"Session {i + 1}: it must finish after it starts");
            }
            else
            {
                sessions.Add(new OfferSession(day.Value, opens.Value, closes.Value));
            }
        }
        if (ModelState.IsValid)
        {
            var i = Input;
            var command = new SaveCommunityOffer(id, i.Name, i.OrganisationName, i.Description, ParseEnums<DeterminantArea>(i.HelpsWith), i.Neighbourhood, i.LocationName,
                i.Postcode, sessions, i.ScheduleNote, i.IsFree, i.CostNote, i.Phone, i.Email, i.Url, i.PeerLed, Lines(i.Languages), !i.Inactive);
            if (await TryRun(() => mediator.Send(command, cancellationToken), "Input"))
            {
                SetNotice($"{i.Name?.Trim()} saved in the community offers directory");
                return Redirect("/staff/directory/offers");
            }
        }
        Pad();
        return Page();
    }

    private void Pad()
    {
        while (Input.Sessions.Count < SessionRows)
        {
            Input.Sessions.Add(new SessionInput());
        }
    }

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm", "HH.mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
