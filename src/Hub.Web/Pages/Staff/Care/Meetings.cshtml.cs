using System.ComponentModel.DataAnnotations;
using Hub.Web.Design.Forms;
using System.Globalization;
using Hub.Application.Common;
using Hub.Application.Meetings.GetMeetings;
using Hub.Application.Meetings.PlanNetworkMeeting;
using Hub.Application.Meetings.RecordNetworkMeeting;
using Hub.Domain.Contacts;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Care;

/// <summary>Open Dialogue network meetings: plan one with the care team and the person's network, then record who came.</summary>
public sealed class MeetingsModel(IMediator mediator, TimeProvider clock) : StaffPage
{

    public MeetingPlanning Planning { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    [BindProperty] public PlanInput Plan { get; set; } = new();

    public sealed class PlanInput
    {
        [NhsDate, Display(Name = "Date of the meeting")]
        public DateTimeOffset? When { get; set; }
        public string? Medium { get; set; }
        public string? Place { get; set; }
        public List<string> Staff { get; set; } = [];
        public List<string> Network { get; set; } = [];
        public string? Others { get; set; }
        public string? Purpose { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        TakeNotice();
        await Load(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken cancellationToken)
    {
        var dateErrors = ModelState.DateErrors("Plan.When");
        ClearBindingErrors();
        ModelState.AddErrors(dateErrors);
        if (Plan.When is null && dateErrors.Count == 0)
        {
            ModelState.AddModelError("Plan.When", "Enter the date and time of the meeting");
        }
        if (Plan.When is { } at)
        {
            var network = Plan.Network.Concat(Lines(Plan.Others)).ToList();
            var command = new PlanNetworkMeeting(id, at, ParseEnum<ContactMedium>(Plan.Medium) ?? default, ParseEnum<ContactPlace>(Plan.Place) ?? default,
                Plan.Staff.Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList(), network, Plan.Purpose);
            if (await TryRun(() => mediator.Send(command, cancellationToken), "Plan"))
            {
                SetNotice($"Network meeting planned for {UkTime.Format(at)}. Invited staff have been emailed");
                return RedirectToPage(new { id });
            }
            MoveError("Plan.At", "Plan.When");
            MoveError("Plan.StaffInvitees", "Plan.Staff");
            MoveError("Plan.NetworkInvitees", "Plan.Others");
        }
        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var prefix = $"Record-{meetingId:N}";
        var form = Request.Form;
        var attended = form[$"{prefix}.PersonAttended"].ToString();
        if (attended is not ("yes" or "no"))
        {
            ModelState.AddModelError($"{prefix}.PersonAttended", "Select yes if the person came");
        }
        var minutes = ModelState.ReadMinutes(form[$"{prefix}.DurationMinutes"].ToString(), $"{prefix}.DurationMinutes", "60");
        if (ModelState.IsValid)
        {
            var staff = form[$"{prefix}.StaffAttendees"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
            var network = form[$"{prefix}.NetworkAttendees"].Select(v => v ?? string.Empty).ToList();
            var command = new RecordNetworkMeeting(meetingId, attended == "yes", staff, network, minutes, form[$"{prefix}.Note"].ToString());
            if (await TryRun(() => mediator.Send(command, cancellationToken), prefix))
            {
                SetNotice("Meeting recorded as a contact with everyone who came");
                return RedirectToPage(new { id });
            }
        }
        await Load(id, cancellationToken);
        // The page shows a record form only for a planned meeting whose time has come.
        if (!Planning.Meetings.Any(m => m.MeetingId == meetingId && m.Status == MeetingStatus.Planned && m.At <= Now.AddMinutes(5)))
        {
            KeepMessagesWithoutTheirBoxes(prefix);
            ModelState.AddModelError(string.Empty, "That meeting is not waiting to be recorded");
        }
        return Page();
    }


    private async Task Load(Guid id, CancellationToken cancellationToken)
    {
        Planning = await mediator.Send(new GetMeetingPlanning(id), cancellationToken);
        Now = clock.GetUtcNow();
        if (Plan.When is null && !Request.HasFormContentType)
        {
            // Tomorrow at 10am, to change.
            Plan.When = UkTime.FromLocal(UkTime.ToLocal(Now).Date.AddDays(1).AddHours(10));
        }
    }
}
