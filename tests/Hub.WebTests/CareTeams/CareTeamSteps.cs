using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Infrastructure.Identity;
using Hub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.CareTeams;

/// <summary>
/// What the care-team tests do again and again, always through the real pages: triage a referral,
/// offer the work from the routing page, answer an offer on "My work", post a file, and read what
/// was stored.
/// </summary>
internal static class CareTeamSteps
{
    public const string Peer = "peer@demo.livingwell.test";

    /// <summary>Typed into free-text boxes by the bad-input tests; it must only ever come back encoded.</summary>
    public const string Script = "<script>alert(1)</script>";

    public const string AccessDeniedHeading = "You do not have access to this page";

    public const string HandoffForm = "form[action*='handler=handoff']";
    public const string AcceptForm = "form[action='/staff/handoffs?handler=accept']";
    public const string DeclineForm = "form[action='/staff/handoffs?handler=decline']";

    public static string RecordUrl(Guid referralId) => $"/staff/triage/referrals/{referralId}";
    public static string RoutingUrl(Guid referralId) => $"/staff/care/{referralId}/routing";
    public static string MeetingsUrl(Guid referralId) => $"/staff/care/{referralId}/meetings";
    public static string CloseUrl(Guid referralId) => $"/staff/care/{referralId}/close";

    /// <summary>A demo account's user id, which is also its directory member id.</summary>
    public static async Task<Guid> UserIdAsync(this HubWebFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo account {email}.")).Id;
    }

    /// <summary>Records "conversation booked" with the record page's outcome form, so the referral leaves the front door.</summary>
    public static async Task TriageAsync(this HttpClient practitioner, Guid referralId)
    {
        var record = await practitioner.GetDocumentAsync(RecordUrl(referralId));
        var recorded = await practitioner.SubmitAsync(record, "form[action*='handler=outcome']", new Dictionary<string, string>
        {
            ["Outcome.Outcome"] = "ConversationBooked",
            ["Outcome.Note"] = "Invented note: a first conversation is booked.",
        });
        recorded.IsRedirect().ShouldBeTrue("the triage outcome is recorded");
    }

    /// <summary>Offers the work to <paramref name="memberId"/> with the routing page's form (as "someone else", so it need not be among the suggestions).</summary>
    public static async Task<HttpResponseMessage> OfferWorkAsync(this HttpClient client, Guid referralId, Guid memberId, CareTeamRole role, string note)
    {
        var routing = await client.GetDocumentAsync(RoutingUrl(referralId));
        routing.QuerySelector($"select[name='Handoff.SomeoneElse'] option[value='{memberId}']")
            .ShouldNotBeNull("the routing page lists the member to offer the work to");
        return await client.SubmitAsync(routing, HandoffForm, new Dictionary<string, string>
        {
            ["Handoff.ToMemberId"] = "someone-else",
            ["Handoff.SomeoneElse"] = memberId.ToString(),
            ["Handoff.Role"] = role.ToString(),
            ["Handoff.Note"] = note,
        });
    }

    public static async Task OfferedAsync(this HttpClient client, Guid referralId, Guid memberId, CareTeamRole role)
    {
        var offered = await client.OfferWorkAsync(referralId, memberId, role, "Invented note: they would like someone to walk with on Saturdays.");
        offered.IsRedirect().ShouldBeTrue("the offer is sent");
    }

    /// <summary>The peer worker accepts this referral's offer with its button on "My work", and leads the care team.</summary>
    public static async Task AcceptAsync(this HttpClient peer, HubWebFactory factory, Guid referralId)
    {
        var peerId = await factory.UserIdAsync(Peer);
        var offer = await factory.HandoffToAsync(referralId, peerId);
        var myWork = await peer.GetDocumentAsync("/staff/handoffs");

        var accepted = await peer.SubmitAsync(myWork, myWork.FormFor(AcceptForm, offer.Id));

        accepted.IsRedirect().ShouldBeTrue("the offer is accepted");
        (await factory.HandoffToAsync(referralId, peerId)).Status.ShouldBe(HandoffStatus.Accepted);
        (await factory.CareTeamAsync(referralId)).ShouldContain(m => m.MemberId == peerId && m.Role == CareTeamRole.Lead, "the peer worker now leads");
    }

    /// <summary>The form among <paramref name="formSelector"/> that carries the hidden HandoffId, marked with an id so it can be submitted.</summary>
    public static string FormFor(this IHtmlDocument page, string formSelector, Guid handoffId)
    {
        var form = page.QuerySelectorAll(formSelector)
            .SingleOrDefault(f => f.QuerySelector($"input[type='hidden'][name='HandoffId'][value='{handoffId}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formSelector}' for the handoff on the page.");
        var id = $"form-{handoffId:N}";
        form.SetAttribute("id", id);
        return $"#{id}";
    }

    public static Task<Handoff> HandoffToAsync(this HubWebFactory factory, Guid referralId, Guid memberId) =>
        factory.WithDbAsync(async db =>
        {
            var spellId = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => r.SpellId).SingleAsync();
            return await db.Handoffs.AsNoTracking().SingleAsync(h => h.SpellId == spellId && h.ToMemberId == memberId);
        });

    public static Task<int> HandoffCountAsync(this HubWebFactory factory, Guid referralId) =>
        factory.WithDbAsync(async db =>
        {
            var spellId = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => r.SpellId).SingleAsync();
            return await db.Handoffs.AsNoTracking().CountAsync(h => h.SpellId == spellId);
        });

    public static Task<List<CareTeamMember>> CareTeamAsync(this HubWebFactory factory, Guid referralId) =>
        factory.WithDbAsync(async db =>
        {
            var spellId = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => r.SpellId).SingleAsync();
            return await db.CareTeamMembers.AsNoTracking().Where(m => m.SpellId == spellId && m.LeftAt == null).ToListAsync();
        });

    public static Task<int> DeniedAuditRowsAsync(this HubWebFactory factory, Guid userId, Guid recordId) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().CountAsync(a => a.ActorUserId == userId && a.RecordId == recordId && a.Action == AuditAction.Denied));

    /// <summary>
    /// A refusal: either straight away or through the access-denied page, ending in 403 and the
    /// access-denied heading. Returns the final page's HTML.
    /// </summary>
    public static async Task<string> ShouldBeRefusedAsync(this HttpClient client, HttpResponseMessage response, string because)
    {
        if (response.IsRedirect())
        {
            response.PathOf().ToLowerInvariant().ShouldBe(AccessDeniedPath, because);
            response = await client.GetAsync(response.Headers.Location!.ToString());
        }
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, because);
        var html = await response.Content.ReadAsStringAsync();
        (await response.ReadDocumentAsync()).Text("h1").ShouldBe(AccessDeniedHeading, because);
        return html;
    }

    /// <summary>Posts a multipart form with the page's antiforgery token and, unless null, a file.</summary>
    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient client, IHtmlDocument page, string formSelector, string? fileName, byte[]? content)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        form.Enctype.ShouldBe("multipart/form-data");
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value
            ?? throw new InvalidOperationException("No antiforgery token in the form.");
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (fileName is not null && content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            body.Add(file, "file", fileName);
        }
        return client.PostAsync(form.GetAttribute("action"), body);
    }

    /// <summary>The page came back (not a 500 or a redirect) and holds the typed script only encoded.</summary>
    public static async Task<IHtmlDocument> ShouldComeBackSafelyAsync(this HttpResponseMessage response, string what)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{what}: the form comes back with a message");
        var html = await response.Content.ReadAsStringAsync();
        html.Contains("<script>alert", StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{what}: typed text never comes back as a live script tag");
        var page = await response.ReadDocumentAsync();
        page.QuerySelectorAll("script").Any(s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal))
            .ShouldBeFalse($"{what}: no script element runs the typed text");
        return page;
    }

    /// <summary>The inline message shown next to the field whose id is <paramref name="fieldId"/>.</summary>
    public static string InlineError(this IHtmlDocument page, string fieldId) =>
        page.GetElementById($"{fieldId}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim() ?? string.Empty;

    /// <summary>The value attribute as sent (read raw, so a date-time box's unparsable text is not sanitised away by the parser).</summary>
    public static string InputValue(this IHtmlDocument page, string name) =>
        (page.QuerySelector($"input[name='{name}']") ?? throw new InvalidOperationException($"No input {name} on the page.")).GetAttribute("value") ?? string.Empty;
}
