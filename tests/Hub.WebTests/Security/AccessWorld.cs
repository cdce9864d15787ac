using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.Application.Audit.VerifyAuditChain;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Hub.WebTests.CareTeams.CareTeamSteps;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Security;

/// <summary>Who asks: nobody, the person signed in from their plan link, or a member of staff in one role.</summary>
public enum Role
{
    Anonymous,
    Person,
    Practitioner,
    TeamLeader,
    Commissioner,
    Admin,

    /// <summary>A vetted volunteer supporter signed in with their own account (the Volunteer role only).</summary>
    Volunteer,

    /// <summary>A volunteer coordinator (the VolunteerCoordinator role only, no staff role).</summary>
    Coordinator,
}

/// <summary>Whose record an address opens: one the role legitimately reaches, or someone else's.</summary>
public enum Whose
{
    Own,
    Other,
}

[CollectionDefinition(Name)]
public sealed class AccessWorldCollection : ICollectionFixture<AccessWorld>
{
    public const string Name = "One hub with every role signed in";
}

/// <summary>
/// One hub for the authorisation matrix and the header checks, built once through the real pages:
/// every role signed in once (the person from their one-time plan link), and two people's records.
/// "Own" was triaged by the practitioner, who held its first conversation and started its plan, and
/// its person is the one signed in. "Other" was triaged and talked through by the nurse and is led by
/// the peer worker, so the practitioner has no part in it.
/// </summary>
public sealed partial class AccessWorld : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();
    private readonly Dictionary<Role, HttpClient> _clients = [];
    private readonly Dictionary<Role, Guid> _userIds = [];
    private readonly Dictionary<Role, string> _tokens = [];
    private readonly SetCookieRecorder _cookies = new();
    private Lazy<Task>? _built;
    private HubWebFactory? _factory;

    public static IReadOnlyList<Role> Roles { get; } = Enum.GetValues<Role>();

    public HubWebFactory Factory => _factory ?? throw new InvalidOperationException("Call BuildAsync first.");

    public (Guid Own, Guid Other) Referrals { get; private set; }

    public (Guid Own, Guid Other) Conversations { get; private set; }

    /// <summary>The people whose records those are.</summary>
    public (Guid Own, Guid Other) People { get; private set; }

    /// <summary>A directory profile (the nurse's), a community offer and a queued report: not anyone's record.</summary>
    public Guid MemberId { get; private set; }

    public Guid OfferId { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>A group someone proposed for Connect and Do, waiting in the moderation queue.</summary>
    public Guid ProposalId { get; private set; }

    /// <summary>"Own": a request for someone to come along, matched to the signed-in volunteer; "other": matched to another volunteer.</summary>
    public (Guid Own, Guid Other) SupportRequests { get; private set; }

    /// <summary>A volunteer (not the signed-in one) and a safeguarding concern.</summary>
    public Guid VolunteerId { get; private set; }

    public Guid ConcernId { get; private set; }

    public HttpClient Client(Role role) => _clients[role];

    /// <summary>Every cookie the hub has set on this world's clients, and on any client made with <see cref="NewClient"/>.</summary>
    public IReadOnlyCollection<SetCookie> CookiesSet => _cookies.Seen;

    /// <summary>A client that keeps cookies, does not follow redirects and records every cookie the hub sets.</summary>
    public HttpClient NewClient(Uri? baseAddress = null) =>
        Factory.CreateDefaultClient(baseAddress ?? WebTestExtensions.BaseAddress, new CookieContainerHandler(new CookieContainer()), _cookies.NewHandler());

    /// <summary>The member of staff a role signs in as; null for the anonymous visitor and the person.</summary>
    public Guid? UserId(Role role) => _userIds.TryGetValue(role, out var id) ? id : null;

    /// <summary>An antiforgery token issued to that role's own session (so a refusal is the policy's, not antiforgery's).</summary>
    public string Token(Role role) => _tokens[role];

    public Task InitializeAsync() => _database.InitializeAsync();

    /// <summary>Builds the hub once for every test in the collection (skips without PostgreSQL).</summary>
    public Task BuildAsync() => (_built ??= new Lazy<Task>(BuildOnceAsync)).Value;

    private async Task BuildOnceAsync()
    {
        _factory = new HubWebFactory(_database.ConnectionString) { ConfigureTestServices = BindingProbe.Register };
        _clients[Role.Anonymous] = NewClient();
        foreach (var (role, email) in new[] { (Role.Practitioner, Practitioner), (Role.TeamLeader, TeamLeader), (Role.Commissioner, Commissioner), (Role.Admin, Admin),
            (Role.Volunteer, Hub.Infrastructure.Seeding.DemoDataSeeder.VolunteerEmail), (Role.Coordinator, Hub.Infrastructure.Seeding.DemoDataSeeder.CoordinatorEmail) })
        {
            _clients[role] = NewClient();
            (await _clients[role].SignInAsync(email, DemoPassword)).IsRedirect().ShouldBeTrue($"the demo account {email} signs in");
            _userIds[role] = await Factory.UserIdAsync(email);
            // The first visit to the authenticator page creates the member's key (as Identity's own
            // pages do); the matrix checks that no visit after that changes anything.
            (await _clients[role].GetAsync("/staff/account/authenticator")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var practitioner = Client(Role.Practitioner);
        var own = await NewReferralWithEmailAsync("matrix.own.person@example.org");
        await practitioner.TriageAsync(own);
        var ownConversation = await practitioner.StartConversationAsync(own);
        await CompleteAsync(practitioner, ownConversation);
        _clients[Role.Person] = await PersonSignedInFromLinkAsync(practitioner, own, "matrix.own.person@example.org");

        var nurse = await Factory.SignedInAsync(Nurse);
        var other = await Factory.NewReferralAsync();
        await nurse.TriageAsync(other);
        var otherConversation = await nurse.StartConversationAsync(other);
        await CompleteAsync(nurse, otherConversation);
        await nurse.OfferedAsync(other, await Factory.UserIdAsync(Peer), CareTeamRole.Lead);
        await (await Factory.SignedInAsync(Peer)).AcceptAsync(Factory, other);

        Referrals = (own, other);
        Conversations = (ownConversation, otherConversation);
        People = (await PersonOfAsync(own), await PersonOfAsync(other));
        MemberId = await Factory.UserIdAsync(Nurse);
        OfferId = await Factory.WithDbAsync(db => db.CommunityOffers.AsNoTracking().OrderBy(o => o.Name).Select(o => o.Id).FirstAsync());
        ProposalId = await Factory.WithDbAsync(async db =>
        {
            var proposal = Hub.Domain.CommunityOffers.GroupProposal.Propose(new Hub.Domain.CommunityOffers.ProposedGroup("Matrix walking group", "Sam", "A walk.", null,
                DayOfWeek.Tuesday, new TimeOnly(18, 0), new TimeOnly(19, 0), null, "The borough", null, "The park", null, true, null, "Just turn up.", true,
                Hub.Domain.CommunityOffers.OfferInterest.NatureAndGardening, Hub.Domain.CommunityOffers.OfferAccess.StepFree, false, null, null, null),
                "organiser@example.test", Guid.NewGuid(), DateTimeOffset.UtcNow);
            db.GroupProposals.Add(proposal);
            await db.SaveChangesAsync();
            return proposal.Id;
        });
        (SupportRequests, VolunteerId, ConcernId) = await VolunteeringAsync();
        var reports = Client(Role.TeamLeader);
        var asked = await reports.SubmitAsync(await reports.GetDocumentAsync("/staff/reports"), "form[action='/staff/reports']");
        asked.IsRedirect().ShouldBeTrue("the team leader's report is queued");
        ReportId = Guid.Parse(asked.PathOf().Split('/')[^1]);

        await WatchForChangesAsync();
        foreach (var role in Roles)
        {
            var page = role switch { Role.Anonymous => "/refer", Role.Person => "/my/plan", Role.Volunteer => "/volunteer", Role.Coordinator => "/staff/volunteering", _ => "/staff" };
            _tokens[role] = (await Client(role).GetDocumentAsync(page)).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value
                ?? throw new InvalidOperationException($"No antiforgery token on {page} for {role}.");
        }
    }

    /// <summary>
    /// Two requests for someone to come along (one matched to the demo volunteer, one to another
    /// vetted volunteer) and a concern that other volunteer raised.
    /// </summary>
    private async Task<((Guid Own, Guid Other) Requests, Guid VolunteerId, Guid ConcernId)> VolunteeringAsync() => await Factory.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var today = Hub.Domain.Common.UkCalendar.DayOf(now);
        var mine = await db.Volunteers.SingleAsync(v => v.Email == Hub.Infrastructure.Seeding.DemoDataSeeder.VolunteerEmail);
        var other = Hub.Domain.Volunteering.Volunteer.Register("Matrix", "Volunteer", "matrix.volunteer@example.test", null, "Evenings", null, null, Guid.NewGuid(), now);
        other.RecordChecks(new Hub.Domain.Volunteering.VolunteerChecks(Hub.Domain.Volunteering.DbsCheckType.Enhanced, today.AddDays(-9), today.AddDays(-8), today.AddDays(-7), today.AddDays(300)), Guid.NewGuid(), now);
        other.Approve(today, now);
        db.Volunteers.Add(other);
        var requests = new[] { (mine, "matrix.own.request@example.test"), (other, "matrix.other.request@example.test") }.Select(x =>
        {
            var request = Hub.Domain.Volunteering.SupportRequest.Ask(OfferId, "Robin", "Try the group", "Evenings",
                new Hub.Domain.Volunteering.ComeAlongContact(Hub.Domain.Volunteering.ReachBy.Email, x.Item2, null, true),
                Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Hub.Domain.Audit.AuditKey>(Factory.Services), Guid.NewGuid(), now);
            request.Match(x.Item1, today, Guid.NewGuid(), now);
            db.SupportRequests.Add(request);
            return request;
        }).ToList();
        var concern = Hub.Domain.Volunteering.SafeguardingConcern.Raise(other.Id, requests[1].Id, "Invented words for the matrix.", Guid.NewGuid(), now);
        db.SafeguardingConcerns.Add(concern);
        await db.SaveChangesAsync();
        return ((requests[0].Id, requests[1].Id), other.Id, concern.Id);
    });

    /// <summary>The last audit row's writer number (this process writes every row), to read what a request adds after it.</summary>
    public async Task<long> AuditHeadAsync() =>
        await Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().MaxAsync(a => a.WriterNumber)) ?? 0;

    public async Task<AuditChainReport> VerifyAuditChainAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new VerifyAuditChain());
    }

    public Task<List<AuditEvent>> AuditSinceAsync(long sequence) =>
        Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.WriterNumber > sequence).OrderBy(a => a.WriterNumber).ToListAsync());

    /// <summary>
    /// The tables in which rows were inserted, changed or deleted since the last call (or since the
    /// world was built), the audit chain's own tables aside: they grow by design. Read from a
    /// row-level trigger the world puts on every other table, so it costs one query a request.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChangedTablesAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM matrix.changes RETURNING table_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new SortedSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return [.. tables];
    }

    /// <summary>Puts a trigger on every table but the audit chain's that notes each changed row's table in matrix.changes.</summary>
    private async Task WatchForChangesAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            CREATE SCHEMA matrix;
            CREATE TABLE matrix.changes (table_name text NOT NULL);
            CREATE FUNCTION matrix.note_change() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN INSERT INTO matrix.changes VALUES (TG_TABLE_NAME); RETURN NULL; END $$;
            DO $$ DECLARE t text; BEGIN
              FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('AuditEvents', 'AuditChainHead') LOOP
                EXECUTE format('CREATE TRIGGER matrix_note_change AFTER INSERT OR UPDATE OR DELETE ON public.%I FOR EACH ROW EXECUTE FUNCTION matrix.note_change()', t);
              END LOOP;
            END $$;
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task<Guid> PersonOfAsync(Guid referralId) =>
        Factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => r.PersonId).SingleAsync());

    private static async Task CompleteAsync(HttpClient client, Guid conversationId)
    {
        var completed = await client.CompleteAsync(conversationId);
        completed.IsRedirect().ShouldBeTrue("the conversation is completed, so it has a first version");
    }

    private async Task<Guid> NewReferralWithEmailAsync(string email)
    {
        var client = Factory.NewClient();
        var check = await client.CheckPageAsync(WebTestExtensions.Answers(
            ("ContactMethod", "Email"), ("Email", email), ("PreferredName", "Alex"), ("WhatIsHappening", "Invented words about a hard few weeks.")));
        var reference = await client.ReferenceShownAfterAsync(await client.SendAsync(check));
        return await Factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
    }

    /// <summary>The practitioner starts the person's plan and sends the link; the person opens it and presses the button.</summary>
    private async Task<HttpClient> PersonSignedInFromLinkAsync(HttpClient practitioner, Guid referralId, string email)
    {
        var planPage = $"/staff/care/{referralId}/plan";
        (await practitioner.SubmitAsync(await practitioner.GetDocumentAsync(planPage), "form[action$='handler=start']", [])).IsRedirect().ShouldBeTrue("the plan is started");
        (await practitioner.SubmitAsync(await practitioner.GetDocumentAsync(planPage), "form[action$='handler=link#Link']", [])).IsRedirect().ShouldBeTrue("the link is sent");
        var body = await SentMessages.DispatchAndReadAsync(Factory.Services, email);
        var person = NewClient();
        var opened = await person.SubmitAsync(await person.GetDocumentAsync(LinkPattern().Match(body).Value), "form", []);
        opened.Headers.Location?.ToString().ShouldBe("/my/plan", "the person is signed in to their plan");
        return person;
    }

    [GeneratedRegex(@"/my/link/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        _factory?.Dispose();
        return _database.DisposeAsync();
    }
}
