using Hub.Application.Common;
using Hub.Application.CommunityOffers.ImportOffers;
using Hub.Application.CommunityOffers.SaveOffer;
using Hub.Application.Connect;
using Hub.Application.Connect.Moderation.DecideProposal;
using Hub.Application.Connect.OpenReferralApi;
using Hub.Application.Connect.OpenReferralApi.ListServices;
using Hub.Application.Connect.Organisers.ChangeListing;
using Hub.Application.Connect.StartGroup;
using Hub.Domain.CommunityOffers;
using Hub.IntegrationTests.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Connect;

/// <summary>
/// The Open Referral UK list's exact total is counted once per version of the directory and filter,
/// then remembered (docs/decisions/050). After every kind of write that can change what is listed (a
/// proposal published, an organiser's change published, a staff edit, an import, unlisting by hand and
/// by import) the next request counts again and gives the exact total, worked out here from every offer
/// in memory; the request after it gives the same total without counting. A write that touches no
/// offer (an organiser sending a change, not yet published) keeps the totals.
/// </summary>
public sealed class DirectoryTotalsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid AdminId = Guid.Parse("6e1d2f3b-9a4c-4b7e-8d0f-1b2c3d4e5f60");
    private static readonly string StepFree = OpenReferralTaxonomies.Terms.Single(t => t.Code == nameof(OfferAccess.StepFree)).Id;

    private readonly CommandCounter _counter = new();
    private ApplicationHost? _host;

    private ApplicationHost Host => _host!;

    public async Task InitializeAsync()
    {
        _ = database.ConnectionString; // skips (fails under CI) when PostgreSQL is not available
        await database.ResetAsync();
        _host = new ApplicationHost(database.ConnectionString, new TestClock(Now), interceptors: [_counter]);
        var groups = DirectoryGroups.Generate(300, Now).ToList();
        for (var i = 0; i < groups.Count; i += 40)
        {
            groups[i].SetActive(false);
        }
        await Host.WithDb(db =>
        {
            db.CommunityOffers.AddRange(groups);
            return db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>The requests checked after each write, with the filter each stands for.</summary>
    private static readonly (string Name, ListOpenReferralServices Request, DirectoryFilter Filter)[] Lists =
    [
        ("words, step-free, Tuesday, one area", new(Search: "group", TaxonomyTermId: StepFree, Day: "TU", Area: "Home", PerPage: "10"),
            new DirectoryFilter("Home") { Text = "group", Day = DayOfWeek.Tuesday, Access = OfferAccess.StepFree }),
        ("Tuesday, every area", new(Day: "tuesday", PerPage: "10"), new DirectoryFilter("") { AllAreas = true, Day = DayOfWeek.Tuesday }),
        ("every area", new(PerPage: "10"), new DirectoryFilter("") { AllAreas = true }),
    ];

    [SkippableFact]
    public async Task Should_count_a_filter_once_and_again_when_any_part_of_it_changes()
    {
        var first = await ListAsync(Lists[0].Request);
        first.Counted.ShouldBeTrue("the first request for a filter counts");
        first.Total.ShouldBe(await ExpectedAsync(Lists[0].Filter));
        first.Total.ShouldBeGreaterThan(10, "more than one page");

        var again = await ListAsync(Lists[0].Request);
        (again.Total, again.Counted).ShouldBe((first.Total, false), "the same filter again is not counted");
        var nextPage = await ListAsync(Lists[0].Request with { Page = "2" });
        (nextPage.Total, nextPage.Counted).ShouldBe((first.Total, false), "its next page is not counted");
        var otherPageSize = await ListAsync(Lists[0].Request with { PerPage = "20", Page = "2" });
        (otherPageSize.Total, otherPageSize.Counted).ShouldBe((first.Total, false), "nor is another page size");
        var capitals = await ListAsync(Lists[0].Request with { Search = "GROUP" });
        (capitals.Total, capitals.Counted).ShouldBe((first.Total, false), "words match whatever their capitals, so they share the total");

        var changed = new (string Part, ListOpenReferralServices Request, DirectoryFilter Filter)[]
        {
            ("words", Lists[0].Request with { Search = "walking" }, Lists[0].Filter with { Text = "walking" }),
            ("taxonomy term", Lists[0].Request with { TaxonomyTermId = OpenReferralTaxonomies.Terms.Single(t => t.Code == nameof(OfferAccess.Quiet)).Id },
                Lists[0].Filter with { Access = OfferAccess.Quiet }),
            ("day", Lists[0].Request with { Day = "WE" }, Lists[0].Filter with { Day = DayOfWeek.Wednesday }),
            ("area", Lists[0].Request with { Area = "Northfield" }, Lists[0].Filter with { Area = "Northfield" }),
            ("every area", Lists[0].Request with { Area = null }, Lists[0].Filter with { Area = "", AllAreas = true }),
            ("modified_after", Lists[0].Request with { ModifiedAfter = "2026-12-01T12:00:00Z" }, Lists[0].Filter with { ChangedSince = Now }),
            ("modified_after later", Lists[0].Request with { ModifiedAfter = "2026-12-01T12:00:01Z" }, Lists[0].Filter with { ChangedSince = Now.AddSeconds(1) }),
        };
        foreach (var (part, request, filter) in changed)
        {
            var list = await ListAsync(request);
            (list.Total, list.Counted).ShouldBe((await ExpectedAsync(filter), true), $"another {part} is another filter, counted");
        }

        var taxonomy = await ListAsync(Lists[0].Request with { TaxonomyId = OpenReferralTaxonomies.Terms.Single(t => t.Code == nameof(OfferAccess.Quiet)).TaxonomyId });
        taxonomy.Counted.ShouldBeTrue("a taxonomy narrows the list, so it is another filter");
        taxonomy.Total.ShouldBe(await ExpectedAsync(Lists[0].Filter, o => o.Access != OfferAccess.None));
    }

    [SkippableFact]
    public async Task Should_give_the_exact_total_after_every_kind_of_write()
    {
        await ShouldCountAgainAsync("at first");

        // A proposal published: a new group that matches the first filter.
        var proposalId = Guid.NewGuid();
        await Host.WithDb(db =>
        {
            var proposal = GroupProposal.Propose(Proposed(DayOfWeek.Tuesday), "organiser@example.org", proposalId, Now);
            db.GroupProposals.Add(proposal);
            return db.SaveChangesAsync();
        });
        await ShouldKeepTheTotalsAsync("a proposal sent, not yet published");
        var published = await Host.Send(new DecideProposal(await ProposalOf(proposalId), ProposalDecision.Publish, null), AdminId, Roles.Admin);
        var listingId = published.ListingId!.Value;
        await ShouldCountAgainAsync("a proposal published");

        // The organiser's change through their link, published: the group moves to a Wednesday.
        var linkId = await Host.WithDb(db => db.ListingLinks.AsNoTracking().Where(l => l.OfferId == listingId).Select(l => l.Id).SingleAsync());
        var answers = GroupAnswers.From(Proposed(DayOfWeek.Wednesday), "organiser@example.org");
        (await Host.SendAsPublic(new ChangeListing(linkId, answers))).ShouldBe(ChangeOutcome.Sent);
        await ShouldKeepTheTotalsAsync("an organiser's change sent, waiting for a connector");
        var change = await Host.WithDb(db => db.GroupProposals.AsNoTracking().Where(p => p.OfferId == listingId && p.FormToken == linkId).Select(p => p.Id).SingleAsync());
        await Host.Send(new DecideProposal(change, ProposalDecision.Publish, null), AdminId, Roles.Admin);
        await ShouldCountAgainAsync("an organiser's change published");

        // A staff edit of a filtered field: a Tuesday group of the first filter now meets on Mondays only.
        var edited = await Host.WithDb(db => db.CommunityOffers.AsNoTracking()
            .Where(o => o.Active && o.Area == "Home" && o.Description!.Contains("group")).OrderBy(o => o.Name).ToListAsync());
        var tuesday = edited.First(o => o.Sessions.Any(s => s.Day == DayOfWeek.Tuesday) && (o.Access & OfferAccess.StepFree) != 0);
        await Host.Send(Edit(tuesday, [new OfferSession(DayOfWeek.Monday, new TimeOnly(10, 0), new TimeOnly(11, 0))], active: true), AdminId, Roles.Admin);
        await ShouldCountAgainAsync("a staff edit of the days");

        // An Open Referral UK import: a new service in the area, then the same service again, no longer active.
        (await Host.Send(new ImportCommunityOffers(Service("active")), AdminId, Roles.Admin)).Added.ShouldBe(1);
        await ShouldCountAgainAsync("an import adding a service");
        (await Host.Send(new ImportCommunityOffers(Service("inactive")), AdminId, Roles.Admin)).Updated.ShouldBe(1);
        await ShouldCountAgainAsync("an import unlisting a service");

        // Unlisted by hand.
        var unlisted = edited.First(o => o.Id != tuesday.Id && o.Sessions.Any(s => s.Day == DayOfWeek.Tuesday));
        await Host.Send(Edit(unlisted, unlisted.Sessions, active: false), AdminId, Roles.Admin);
        await ShouldCountAgainAsync("a staff member unlisting a group");
    }

    /// <summary>After an offer changed: each list counts once, exactly, then gives the same total without counting.</summary>
    private async Task ShouldCountAgainAsync(string after)
    {
        foreach (var (name, request, filter) in Lists)
        {
            var expected = await ExpectedAsync(filter);
            var first = await ListAsync(request);
            (first.Total, first.Counted).ShouldBe((expected, true), $"{name}, {after}: counted once, exactly");
            var second = await ListAsync(request with { Page = "2" });
            (second.Total, second.Counted).ShouldBe((expected, false), $"{name}, {after}: remembered");
        }
    }

    private async Task ShouldKeepTheTotalsAsync(string after)
    {
        foreach (var (name, request, filter) in Lists)
        {
            var list = await ListAsync(request);
            (list.Total, list.Counted).ShouldBe((await ExpectedAsync(filter), false), $"{name}, {after}: no offer changed, so the total is remembered");
        }
    }

    private async Task<(int Total, bool Counted)> ListAsync(ListOpenReferralServices request)
    {
        _counter.Reset();
        var page = await Host.SendAsPublic(request);
        return (page.TotalItems, _counter.Texts.Any(t => t.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The filter tested on every offer in memory, read afresh from the database.</summary>
    private async Task<int> ExpectedAsync(DirectoryFilter filter, Func<CommunityOffer, bool>? also = null)
    {
        var offers = await Host.WithDb(db => db.CommunityOffers.AsNoTracking().ToListAsync());
        var slots = OfferWeek.Mask(filter.Day, filter.PartOfDay);
        var text = filter.Text?.ToLowerInvariant();
        return offers
            .Where(o => o.Active && (filter.AllAreas || o.Area == filter.Area))
            .Where(o => slots == 0 || (o.WeekSlots & slots) != 0)
            .Where(o => (o.Access & filter.Access) == filter.Access)
            .Where(o => filter.ChangedSince is not { } since || o.UpdatedAt >= since)
            .Where(o => text is null || o.Name.ToLowerInvariant().Contains(text, StringComparison.Ordinal)
                || o.OrganisationName.ToLowerInvariant().Contains(text, StringComparison.Ordinal)
                || (o.Description?.ToLowerInvariant().Contains(text, StringComparison.Ordinal) ?? false))
            .Count(o => also?.Invoke(o) ?? true);
    }

    private Task<Guid> ProposalOf(Guid formToken) =>
        Host.WithDb(db => db.GroupProposals.AsNoTracking().Where(p => p.FormToken == formToken).Select(p => p.Id).SingleAsync());

    private static ProposedGroup Proposed(DayOfWeek day) => new("Riverside sketching group", "Sam", "A relaxed drawing group by the river.", null,
        day, new TimeOnly(18, 0), new TimeOnly(19, 30), null, "Home", "Central", "The boathouse", null, true, null, "Just turn up", false,
        OfferInterest.ArtsAndCrafts, OfferAccess.StepFree, false, null, null, null);

    private static SaveCommunityOffer Edit(CommunityOffer o, IReadOnlyList<OfferSession> sessions, bool active) =>
        new(o.Id, o.Name, o.OrganisationName, o.Description, o.HelpsWith, o.Neighbourhood, o.LocationName, o.Postcode, sessions, o.ScheduleNote,
            o.IsFree, o.CostNote, o.Phone, o.Email, o.Url, o.PeerLed, o.Languages, active);

    private static string Service(string status) => $$"""
        [
          {
            "id": "totals-tuesday-group",
            "name": "Tuesday chess group",
            "description": "A friendly chess group for every level.",
            "status": "{{status}}",
            "organization": { "id": "totals-org", "name": "Home Chess Friends" },
            "service_areas": [ { "id": "totals-area", "name": "Home" } ],
            "schedules": [ { "id": "totals-sched", "freq": "WEEKLY", "byday": "TU", "opens_at": "18:00", "closes_at": "20:00" } ],
            "attributes": [ { "id": "totals-attr", "taxonomy_term": { "id": "StepFree", "name": "Step-free", "taxonomy": "livingwellhub-access" } } ]
          }
        ]
        """;
}
