using System.Net;
using System.Text.RegularExpressions;
using Hub.Domain.CareTeams;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.CareTeams.CareTeamSteps;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Forms;

/// <summary>
/// The demo hub brought to the point where every form shows, through the real pages: a client
/// signed in for each role (the person through their plan link), and the records each page about a
/// person is opened for. Pages whose forms change a record for good (closing a spell, triage
/// outcomes) get a record of their own, so the other pages keep theirs.
/// </summary>
internal sealed partial class FuzzArrangement
{
    public const string Anonymous = "anonymous";
    public const string Person = "person";
    public const string PractitionerRole = "practitioner";
    public const string TeamLeaderRole = "team leader";
    public const string CommissionerRole = "commissioner";
    public const string AdminRole = "admin";
    public const string VolunteerRole = "volunteer";
    public const string CoordinatorRole = "coordinator";

    /// <summary>
    /// The order roles are visited: a form reached by several is fuzzed as the first, the person before
    /// staff can end their access, and the volunteer before the coordinator can take a request back.
    /// </summary>
    public static readonly string[] Roles = [Anonymous, Person, VolunteerRole, PractitionerRole, TeamLeaderRole, CommissionerRole, CoordinatorRole, AdminRole];

    public required IReadOnlyDictionary<string, HttpClient> Clients { get; init; }

    /// <summary>The addresses each route with parameters is opened at, by its route pattern.</summary>
    public required IReadOnlyDictionary<string, string[]> Addresses { get; init; }

    public static async Task<FuzzArrangement> CreateAsync(HubWebFactory factory)
    {
        var practitioner = await factory.SignedInAsync(Practitioner);
        var teamLeader = await factory.SignedInAsync(TeamLeader);
        var practitionerId = await factory.UserIdAsync(Practitioner);
        var nurseId = await factory.UserIdAsync(Nurse);

        // The demo referrals, oldest first: Dee, Tomasz, R (by email), someone who will call, Dee again (a possible match).
        var demo = await factory.WithDbAsync(db => db.Referrals.AsNoTracking().OrderBy(r => r.ReceivedAt).Select(r => r.Id).ToListAsync());
        demo.Count.ShouldBe(5, "the demo data holds five referrals");
        var (dee, tomasz, byEmail, willCall, deeAgain) = (demo[0], demo[1], demo[2], demo[3], demo[4]);

        // Dee: a completed conversation, the practitioner leading with the peer worker involved, and a meeting due to be recorded.
        var done = await practitioner.StartConversationAsync(dee);
        (await practitioner.CompleteAsync(done, new Dictionary<string, string> { [WhatMattersField] = "Invented: the allotment." }))
            .IsRedirect().ShouldBeTrue("the arranged conversation is completed");
        (await practitioner.OfferWorkAsync(dee, practitionerId, CareTeamRole.Lead, "Invented note: I will lead.")).IsRedirect().ShouldBeTrue("the practitioner leads");
        var peerId = await factory.UserIdAsync(Peer);
        await practitioner.OfferedAsync(dee, peerId, CareTeamRole.Involved);
        var peer = await factory.SignedInAsync(Peer);
        var myWork = await peer.GetDocumentAsync("/staff/handoffs");
        var offer = await factory.HandoffToAsync(dee, peerId);
        (await peer.SubmitAsync(myWork, myWork.FormFor(AcceptForm, offer.Id))).IsRedirect().ShouldBeTrue("the peer worker joins the care team");
        var now = Hub.Application.Common.UkTime.ToLocal(DateTimeOffset.UtcNow);
        (await practitioner.SubmitAsync(await practitioner.GetDocumentAsync(MeetingsUrl(dee)), "form[action*='handler=plan']", new Dictionary<string, string>(WebTestExtensions.DateTimeBoxes("Plan.When", now))
        {
            ["Plan.Medium"] = "Phone", ["Plan.Place"] = "Cafe", ["Plan.Staff"] = practitionerId.ToString(), ["Plan.Others"] = "Invented Aunt",
        })).IsRedirect().ShouldBeTrue("a meeting is planned for now, so it can be recorded");

        // Tomasz: a conversation in progress, and work offered to the practitioner waiting for an answer.
        var open = await practitioner.StartConversationAsync(tomasz);
        await teamLeader.OfferedAsync(tomasz, practitionerId, CareTeamRole.Involved);

        // R: a plan with a suggestion waiting, a goal to rate, and R signed in to it from the emailed link.
        var planPage = await practitioner.GetDocumentAsync($"/staff/care/{byEmail}/plan");
        (await practitioner.SubmitAsync(planPage, "form[action$='handler=start']", [])).IsRedirect().ShouldBeTrue("the plan is started");
        planPage = await practitioner.GetDocumentAsync($"/staff/care/{byEmail}/plan");
        (await practitioner.SubmitAsync(planPage, "form[action$='handler=link#Link']", [])).IsRedirect().ShouldBeTrue("the link is sent");
        var planLinkTo = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Purpose == "plan-link").Select(m => m.To).SingleAsync());
        var body = await SentMessages.DispatchAndReadAsync(factory.Services, planLinkTo);
        var person = factory.NewClient();
        var landing = await person.GetDocumentAsync(LinkPattern().Match(body).Value);
        (await person.SubmitAsync(landing, "form", [])).IsRedirect().ShouldBeTrue("R opens their plan");
        (await person.SubmitAsync(await person.GetDocumentAsync("/my/plan"), "form[action$='handler=save']", new Dictionary<string, string> { ["Input.Goals[0]"] = "Invented: walk to the park" }))
            .IsRedirect().ShouldBeTrue("R adds a goal to rate");
        (await practitioner.SubmitAsync(await practitioner.GetDocumentAsync($"/staff/care/{byEmail}/plan"), "form[action*='handler=suggest']",
            new Dictionary<string, string> { ["Section"] = "AddStep", ["Text"] = "Invented: ring the walking group" })).IsRedirect().ShouldBeTrue("a suggestion waits for R");

        // R also has a community space on the same browser, with a goal to rate, and connects it to their plan (docs/decisions/040).
        var spaceSignIn = await person.GetDocumentAsync("/space/sign-in");
        (await person.SubmitAsync(spaceSignIn, "form[action='/space/sign-in']", new Dictionary<string, string> { ["EmailOrMobile"] = SpaceAddress, ["SafeToMessage"] = "yes" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "R asks for a link to their space");
        var spaceBody = await SentMessages.DispatchAndReadAsync(factory.Services, SpaceAddress, "space-link");
        var spaceLanding = await person.GetDocumentAsync(SpaceLinkPattern().Match(spaceBody).Value);
        (await person.SubmitAsync(spaceLanding, "form", [])).IsRedirect().ShouldBeTrue("R signs in to their space");
        (await person.SubmitAsync(await person.GetDocumentAsync("/space"), "form[action*='handler=goal']", new Dictionary<string, string> { ["GoalWords"] = "Invented: go along on my own" }))
            .IsRedirect().ShouldBeTrue("R adds a goal to their space");
        (await person.SubmitAsync(await person.GetDocumentAsync("/my/connect-space"), "form[action='/my/connect-space']", [])).IsRedirect().ShouldBeTrue("R connects their space");

        // A spell to close, a record whose processing may be restricted, and a report to follow.
        var toClose = await factory.NewReferralAsync();
        var personalData = await factory.NewReferralAsync();
        var commissioner = await factory.SignedInAsync(Commissioner);
        var reports = await commissioner.GetDocumentAsync("/staff/reports");
        var requested = await commissioner.SubmitAsync(reports, "form[action='/staff/reports']", []);
        requested.StatusCode.ShouldBe(HttpStatusCode.Redirect, "last month's report is asked for");
        var offerId = await factory.WithDbAsync(db => db.CommunityOffers.AsNoTracking().OrderBy(o => o.Name).Select(o => o.Id).FirstAsync());

        // A group someone proposed for Connect and Do, waiting for a connector.
        var visitor = factory.NewClient();
        (await visitor.SubmitAsync(await visitor.GetDocumentAsync("/connect/start"), "form[action='/connect/start']", new Dictionary<string, string>
        {
            ["Answers.Name"] = "Invented chess club", ["Answers.RunBy"] = "Invented Alex", ["Answers.WhatHappens"] = "Chess.", ["Answers.Day"] = "Tuesday",
            ["Answers.Opens"] = "18:00", ["Answers.Closes"] = "19:00", ["Answers.Place"] = "Library", ["Answers.Cost"] = "free", ["Answers.HowToJoin"] = "Turn up.",
            ["Answers.BringSomeone"] = "yes", ["Answers.PeerLed"] = "no", ["Answers.OrganiserEmail"] = "alex@example.test",
        })).IsRedirect().ShouldBeTrue("a group is proposed");
        var proposalId = await factory.WithDbAsync(db => db.GroupProposals.AsNoTracking().Select(p => p.Id).FirstAsync());

        // Volunteering: a request waiting (a demo one), one matched to another volunteer for the coordinator's
        // forms, one matched to the demo volunteer for theirs, a volunteer still to vet, one approved, and a concern.
        var (waiting, matchedElsewhere, volunteersOwn, toVet, approved, concern, outing) = await factory.WithDbAsync(async db =>
        {
            var at = DateTimeOffset.UtcNow;
            var today = Hub.Domain.Common.UkCalendar.DayOf(at);
            var waitingId = await db.SupportRequests.AsNoTracking().Where(r => r.Status == Hub.Domain.Volunteering.SupportRequestStatus.Waiting).OrderBy(r => r.AskedAt).Select(r => r.Id).FirstAsync();
            var nia = await db.Volunteers.SingleAsync(v => v.Email == Hub.Infrastructure.Seeding.DemoDataSeeder.VolunteerEmail);
            var rosa = await db.Volunteers.SingleAsync(v => v.FirstName == "Rosa");
            var ben = await db.Volunteers.AsNoTracking().Where(v => v.FirstName == "Ben").Select(v => v.Id).SingleAsync();
            var kai = await db.Volunteers.AsNoTracking().Where(v => v.FirstName == "Kai").Select(v => v.Id).SingleAsync();
            Hub.Domain.Volunteering.SupportRequest Matched(Hub.Domain.Volunteering.Volunteer to, string email)
            {
                var request = Hub.Domain.Volunteering.SupportRequest.Ask(offerId, "Invented Robin", "The group", "Evenings",
                    new Hub.Domain.Volunteering.ComeAlongContact(Hub.Domain.Volunteering.ReachBy.Email, email, null, true),
                    Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Hub.Domain.Audit.AuditKey>(factory.Services), Guid.NewGuid(), at);
                request.Match(to, today, Guid.NewGuid(), at);
                db.SupportRequests.Add(request);
                return request;
            }
            var elsewhere = Matched(rosa, "fuzz.elsewhere@example.test");
            var own = Matched(nia, "fuzz.own@example.test");
            var raised = Hub.Domain.Volunteering.SafeguardingConcern.Raise(nia.Id, own.Id, "Invented worry.", Guid.NewGuid(), at);
            db.SafeguardingConcerns.Add(raised);
            // R asked for a volunteer with their space's address and went along: the outing is in their space to say how it went (docs/decisions/041).
            var went = Matched(nia, SpaceAddress).RecordOuting(nia.Id, today.AddDays(-1), true, null, today, at);
            await db.SaveChangesAsync();
            return (waitingId, elsewhere.Id, own.Id, ben, kai, raised.Id, went.Id);
        });

        return new FuzzArrangement
        {
            Clients = new Dictionary<string, HttpClient>
            {
                [Anonymous] = factory.NewClient(),
                [Person] = person,
                [PractitionerRole] = practitioner,
                [TeamLeaderRole] = teamLeader,
                [CommissionerRole] = commissioner,
                [AdminRole] = await factory.SignedInAsync(Admin),
                [VolunteerRole] = await factory.SignedInAsync(Hub.Infrastructure.Seeding.DemoDataSeeder.VolunteerEmail),
                [CoordinatorRole] = await factory.SignedInAsync(Hub.Infrastructure.Seeding.DemoDataSeeder.CoordinatorEmail),
            },
            Addresses = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
            {
                ["/staff/triage/referrals/{id:guid}"] = [$"/staff/triage/referrals/{deeAgain}"],
                ["/staff/conversations/{id:guid}/edit"] = [EditUrl(open)],
                ["/staff/conversations/{id:guid}/edit/{section:length(5,12)}"] = Sections.Select(section => SectionUrl(open, section)).ToArray(),
                ["/staff/conversations/{id:guid}"] = [ViewUrl(done)],
                ["/staff/conversations/{id:guid}/versions/{number:int}"] = [$"/staff/conversations/{done}/versions/1"],
                ["/staff/care/{id:guid}/routing"] = [RoutingUrl(dee)],
                ["/staff/care/{id:guid}/meetings"] = [MeetingsUrl(dee)],
                ["/staff/care/{id:guid}/plan"] = [$"/staff/care/{byEmail}/plan", $"/staff/care/{willCall}/plan"],
                ["/staff/care/{id:guid}/close"] = [CloseUrl(toClose)],
                ["/staff/care/{id:guid}/clock"] = [$"/staff/care/{willCall}/clock"],
                ["/staff/care/{id:guid}/groups"] = [$"/staff/care/{byEmail}/groups", $"/staff/care/{willCall}/groups"],
                ["/staff/personal-data/{id:guid}"] = [$"/staff/personal-data/{personalData}"],
                ["/staff/directory/members/{id:guid}"] = [$"/staff/directory/members/{nurseId}"],
                ["/staff/directory/offers/edit/{id:guid?}"] = ["/staff/directory/offers/edit", $"/staff/directory/offers/edit/{offerId}"],
                ["/staff/reports/{id:guid}"] = [requested.Headers.Location!.ToString()],
                // A token nobody was sent: the page and its button must still behave.
                ["/my/link/{token}"] = ["/my/link/not-a-token-anyone-was-sent"],
                ["/space/link/{token}"] = ["/space/link/not-a-token-anyone-was-sent"],
                ["/connect/groups/{id:guid}"] = [$"/connect/groups/{offerId}"],
                ["/connect/organiser/{token}"] = ["/connect/organiser/not-a-token-anyone-was-sent"],
                ["/staff/connect/proposals/{id:guid}"] = [$"/staff/connect/proposals/{proposalId}"],
                // The Open Referral UK API answers JSON, not pages: opened for failures only (OpenReferralApiBadInputTests fuzzes its query).
                ["/api/oruk/v3/services/{id}"] = [$"/api/oruk/v3/services/{offerId}"],
                ["/api/oruk/v3/taxonomies/{id}"] = [$"/api/oruk/v3/taxonomies/{Hub.Application.Connect.OpenReferralApi.OpenReferralTaxonomies.All[0].Id}"],
                ["/api/oruk/v3/taxonomy_terms/{id}"] = [$"/api/oruk/v3/taxonomy_terms/{Hub.Application.Connect.OpenReferralApi.OpenReferralTaxonomies.Terms.First().Id}"],
                ["/connect/groups/{id:guid}/come-with-me"] = [$"/connect/groups/{offerId}/come-with-me"],
                ["/connect/how-it-went/{token}"] = ["/connect/how-it-went/not-a-token-anyone-was-sent"],
                ["/volunteer/welcome/{token}"] = ["/volunteer/welcome/not-a-token-anyone-was-sent"],
                ["/staff/account/welcome/{token}"] = ["/staff/account/welcome/not-a-token-anyone-was-sent"],
                ["/volunteer/requests/{id:guid}"] = [$"/volunteer/requests/{volunteersOwn}"],
                ["/staff/volunteering/requests/{id:guid}"] = [$"/staff/volunteering/requests/{waiting}", $"/staff/volunteering/requests/{matchedElsewhere}"],
                ["/staff/volunteering/volunteers/{id:guid}"] = [$"/staff/volunteering/volunteers/{toVet}", $"/staff/volunteering/volunteers/{approved}"],
                ["/staff/volunteering/concerns/{id:guid}"] = [$"/staff/volunteering/concerns/{concern}"],
                ["/space/outings/{id:guid}"] = [$"/space/outings/{outing}"],
            },
        };
    }

    [GeneratedRegex(@"/my/link/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    /// <summary>R's community space signs in with its own address (invented).</summary>
    private const string SpaceAddress = "space.fuzz@example.test";

    [GeneratedRegex(@"/space/link/[A-Za-z0-9_-]+")]
    private static partial Regex SpaceLinkPattern();
}
