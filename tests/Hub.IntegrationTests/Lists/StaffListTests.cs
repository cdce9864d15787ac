using Hub.Application.CareTeams.GetHandoffs;
using Hub.Application.Common;
using Hub.Application.Common.Paging;
using Hub.Application.CommunityOffers.ListOffers;
using Hub.Application.Directory.AddTeam;
using Hub.Application.Directory.ListMembers;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Triage.GetTriageQueue;
using Hub.Domain.CareTeams;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Directory;
using Hub.Domain.People;
using Hub.IntegrationTests.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.Lists;

/// <summary>
/// The triage queue, the allocation queue, my work, the directory and the offers list: each searched, and paged by
/// keyset so that walking Next to the end, or Previous back to the start, shows every row exactly
/// once in order, rows sharing a sort key included; and each page costs the same number of SQL
/// commands at two sizes of data.
/// </summary>
public sealed class StaffListTests(DatabaseFixture database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int PageSize = 3;
    private static readonly Guid AdminId = Guid.Parse("6d1f0c33-5b7e-4a7e-9a55-7f3d5c1e2a01");

    [SkippableFact]
    public async Task Should_page_the_triage_queue_forward_and_back_once_in_order_either_way_round_keeping_its_search_and_filters()
    {
        await database.ResetAsync();
        await using var host = Host(database);
        var waiting = await Waiting(host, 8, "triage");
        await Triaged(host, 2, "triaged"); // triaged ones are not in the waiting queue, even when the search matches them

        foreach (var order in new[] { QueueOrder.OldestFirst, QueueOrder.NewestFirst })
        {
            var walk = await Walk<TriageQueueRow>(async (after, before) =>
            {
                var page = await host.SendAsPractitioner(new GetTriageQueue(Search: "listperson", Source: Hub.Domain.Referrals.ReferralSource.Self,
                    Order: order, After: after, Before: before, PageSize: PageSize));
                page.Matching.ShouldBe(8, "the count is of everything the search and filters match, on every page");
                return new KeysetPage<TriageQueueRow>(page.Rows, page.Next, page.Previous);
            });
            var expected = await host.WithDb(db =>
            {
                var queue = db.Referrals.AsNoTracking().Where(r => r.Status == Hub.Domain.Referrals.ReferralStatus.AwaitingTriage);
                return (order == QueueOrder.OldestFirst ? queue.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id) : queue.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id))
                    .Select(r => r.Reference).ToListAsync();
            });
            walk.Forward.Select(r => r.Reference).ShouldBe(expected, $"{order}: Next from the first page shows each once, ties by id");
            walk.Backward.Select(r => r.Reference).ShouldBe(expected, $"{order}: Previous from the last page shows the same rows in the same order");
            walk.Forward.Select(r => r.Reference).ShouldBe(waiting.Select(p => p.Reference), ignoreOrder: true);
            walk.Pages.ShouldBe(3);
            walk.Forward.GroupBy(r => r.ReceivedAt).Max(g => g.Count()).ShouldBeGreaterThan(1, "some rows share the time they arrived, so the id breaks ties across a page edge");
        }

        var stale = Keyset.Token(DateTimeOffset.UtcNow, Guid.NewGuid());
        await Should.ThrowAsync<FluentValidation.ValidationException>(() => host.SendAsPractitioner(new GetTriageQueue(After: stale, Before: stale)));
        await Should.ThrowAsync<FluentValidation.ValidationException>(() => host.SendAsPractitioner(new GetTriageQueue(After: "12~K7MR-4TXH")));
    }

    [SkippableFact]
    public async Task Should_search_the_allocation_queue_and_page_through_it_once_in_order()
    {
        await database.ResetAsync();
        await using var host = Host(database);
        var team = await Team(host);
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        var people = await Triaged(host, 7, "alloc");

        var walk = await Walk<UnallocatedRow>(async (after, before) =>
            (await host.Send(new GetAllocationQueue(null, after, before, PageSize), leader.Id, Roles.TeamLeader)).Unallocated);
        var expected = await host.WithDb(db => db.Spells.AsNoTracking().Where(s => s.EndedAt == null)
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Id).Select(s => db.Referrals.Where(r => r.SpellId == s.Id).Select(r => r.Reference).First()).ToListAsync());
        walk.Forward.Select(r => r.Reference).ShouldBe(expected);
        walk.Backward.Select(r => r.Reference).ShouldBe(expected);
        walk.Forward.Select(r => r.Reference).ShouldBe(people.Select(p => p.Reference), ignoreOrder: true);
        walk.Pages.ShouldBe(3);

        await SearchesFind(host, leader.Id, Roles.TeamLeader, people, q => new GetAllocationQueue(q), page => page.Unallocated.Rows.Select(r => r.Reference), "Allocation queue");
    }

    [SkippableFact]
    public async Task Should_search_my_caseload_and_page_through_it_once_in_order()
    {
        await database.ResetAsync();
        await using var host = Host(database);
        var team = await Team(host);
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        var lead = await Member(host, team, "Member B");
        var people = await Triaged(host, 7, "mine");
        foreach (var person in people)
        {
            await Join(host, leader, person.ReferralId, lead, CareTeamRole.Lead);
        }
        var other = await Member(host, team, "Member C");
        var someoneElses = (await Triaged(host, 1, "other")).Single();
        await Join(host, leader, someoneElses.ReferralId, other, CareTeamRole.Lead);

        var walk = await Walk<CaseloadRow>(async (after, before) => (await host.SendAsPractitioner(new GetMyWork(null, after, before, PageSize), lead.Id)).Caseload);
        var expected = await host.WithDb(db => db.CareTeamMembers.AsNoTracking().Where(m => m.MemberId == lead.Id)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id).Select(m => db.Referrals.Where(r => r.SpellId == m.SpellId).Select(r => r.Reference).First()).ToListAsync());
        walk.Forward.Select(r => r.Reference).ShouldBe(expected);
        walk.Backward.Select(r => r.Reference).ShouldBe(expected);
        walk.Forward.Select(r => r.Reference).ShouldBe(people.Select(p => p.Reference), ignoreOrder: true, "only the member's own caseload");

        await SearchesFind(host, lead.Id, Roles.Practitioner, people, q => new GetMyWork(q), page => page.Caseload.Rows.Select(r => r.Reference), "My work");
        var searched = await host.SendAsPractitioner(new GetMyWork(someoneElses.Name), lead.Id);
        searched.Caseload.Rows.ShouldBeEmpty("someone on another member's caseload is not found in mine");
        searched.CaseloadCount.ShouldBe(7);
        searched.Found.ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_search_the_directory_by_name_team_or_role_and_page_through_it_once_in_order()
    {
        await database.ResetAsync();
        await using var host = Host(database);
        var first = await Team(host);
        var organisation = await host.WithDb(db => db.Teams.AsNoTracking().Where(t => t.Id == first).Select(t => t.OrganisationId).SingleAsync());
        var outreach = await host.Send(new AddTeam(organisation, "Riverside outreach"), AdminId, Roles.Admin);
        var members = new List<Hub.IntegrationTests.CareTeams.Staff>();
        // Three share a name, so the id must break the tie; one is a peer support worker in another team.
        foreach (var (name, team, group) in new[]
        {
            ("Ash Quill", first, ProfessionalGroup.Nurse), ("Ash Quill", first, ProfessionalGroup.Nurse), ("Ash Quill", outreach, ProfessionalGroup.Nurse),
            ("Bea Moss", first, ProfessionalGroup.SocialWorker), ("Cy Fern", outreach, ProfessionalGroup.PeerSupportWorker),
            ("Dee Holt", first, ProfessionalGroup.Psychologist), ("Eli Thorn", first, ProfessionalGroup.Nurse),
        })
        {
            members.Add(await Member(host, team, name, group: group));
        }

        var walk = await Walk<DirectoryMemberRow>(async (after, before) => (await host.SendAsPractitioner(new ListDirectoryMembers(null, after, before, PageSize))).Members);
        var expected = await host.WithDb(db => db.TeamMembers.AsNoTracking().OrderBy(m => m.Name).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync());
        walk.Forward.Select(m => m.Id).ShouldBe(expected);
        walk.Backward.Select(m => m.Id).ShouldBe(expected);
        walk.Forward.Select(m => m.Id).ShouldBe(members.Select(m => m.Id), ignoreOrder: true);

        async Task<List<string>> Found(string search) =>
            (await host.SendAsPractitioner(new ListDirectoryMembers(search))).Members.Rows.Select(m => m.Name).ToList();
        (await Found("ash qu")).ShouldBe(["Ash Quill", "Ash Quill", "Ash Quill"], "part of a name, any case");
        (await Found("RIVERSIDE")).ShouldBe(["Ash Quill", "Cy Fern"], ignoreOrder: true, "a team");
        (await Found("peer support")).ShouldBe(["Cy Fern"], "a role, in the words staff see");
        (await Found("Zed Nobody")).ShouldBeEmpty();
        (await Found("100%_")).ShouldBeEmpty("LIKE's own characters are taken literally");
    }

    [SkippableFact]
    public async Task Should_search_offers_by_name_neighbourhood_or_interest_and_page_through_them_once_in_order()
    {
        await database.ResetAsync();
        await using var host = Host(database);
        await host.WithDb(async db =>
        {
            // Three share a name, so the id must break the tie.
            db.CommunityOffers.AddRange(
                Offer("Walking group", "Northgate", OfferInterest.NatureAndGardening), Offer("Walking group", "Riverside", OfferInterest.NatureAndGardening),
                Offer("Walking group", "Northgate", OfferInterest.NatureAndGardening), Offer("Choir", "Riverside", OfferInterest.Music),
                Offer("Art club", "Northgate", OfferInterest.ArtsAndCrafts), Offer("Men's shed", "Eastfield", OfferInterest.SocialAndFriendship),
                Offer("Yoga", "Eastfield", OfferInterest.SportAndFitness));
            return await db.SaveChangesAsync();
        });

        var walk = await Walk<OfferRow>(async (after, before) => (await host.SendAsPractitioner(new ListCommunityOffers(null, null, null, after, before, PageSize))).Offers);
        var expected = await host.WithDb(db => db.CommunityOffers.AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id).Select(o => o.Id).ToListAsync());
        walk.Forward.Select(o => o.Id).ShouldBe(expected);
        walk.Backward.Select(o => o.Id).ShouldBe(expected);
        expected.Count.ShouldBe(7);

        async Task<List<string>> Found(string search) =>
            (await host.SendAsPractitioner(new ListCommunityOffers(null, null, search))).Offers.Rows.Select(o => o.Name).ToList();
        (await Found("walk")).ShouldBe(["Walking group", "Walking group", "Walking group"]);
        (await Found("riverside")).ShouldBe(["Choir", "Walking group"], "a neighbourhood");
        (await Found("singing")).ShouldBe(["Choir"], "an interest, in the words the directory uses");
        (await Found("Tap dancing")).ShouldBeEmpty();
        var filtered = await host.SendAsPractitioner(new ListCommunityOffers(null, "Northgate", "walk"));
        filtered.Total.ShouldBe(2);
    }

    [SkippableFact]
    public async Task Should_read_each_list_with_the_same_number_of_commands_at_two_sizes()
    {
        await database.ResetAsync();
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [counter],
            settings: new Dictionary<string, string?> { ["Hub:PublicBaseUrl"] = BaseUrl });
        var team = await Team(host);
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        var lead = await Member(host, team, "Member B");

        async Task<int> Count<T>(MediatR.IRequest<T> request, Guid user, string role)
        {
            counter.Reset();
            await host.Send(request, user, role);
            return counter.Count;
        }

        async Task<int[]> Measure(int size)
        {
            var waiting = await Waiting(host, size, $"size{size}w");
            var unallocated = await Triaged(host, size, $"size{size}a");
            var joined = await Triaged(host, size, $"size{size}b");
            foreach (var person in joined)
            {
                await Join(host, leader, person.ReferralId, lead, CareTeamRole.Lead);
            }
            for (var i = 0; i < size; i++)
            {
                await Member(host, team, $"Size {size} member {i}");
            }
            await host.WithDb(async db =>
            {
                db.CommunityOffers.AddRange(Enumerable.Range(0, size * 10).Select(i => Offer($"Size {size} offer {i}", "Northgate", OfferInterest.Music)));
                return await db.SaveChangesAsync();
            });
            var triage = await host.SendAsPractitioner(new GetTriageQueue(PageSize: PageSize), lead.Id);
            var triageSecond = await host.SendAsPractitioner(new GetTriageQueue(After: triage.Next, PageSize: PageSize), lead.Id);
            var allocation = (await host.Send(new GetAllocationQueue(PageSize: PageSize), leader.Id, Roles.TeamLeader)).Unallocated;
            var caseload = (await host.SendAsPractitioner(new GetMyWork(PageSize: PageSize), lead.Id)).Caseload;
            var directory = (await host.SendAsPractitioner(new ListDirectoryMembers(PageSize: PageSize))).Members;
            var offers = (await host.SendAsPractitioner(new ListCommunityOffers(null, null, PageSize: PageSize))).Offers;
            return
            [
                await Count(new GetTriageQueue(PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new GetTriageQueue(After: triage.Next, PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new GetTriageQueue(Before: triageSecond.Previous, PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new GetTriageQueue(Search: waiting[0].Name, Order: QueueOrder.NewestFirst, PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new GetAllocationQueue(PageSize: PageSize), leader.Id, Roles.TeamLeader),
                await Count(new GetAllocationQueue(After: allocation.Next, PageSize: PageSize), leader.Id, Roles.TeamLeader),
                await Count(new GetAllocationQueue(Search: unallocated[0].Name, PageSize: PageSize), leader.Id, Roles.TeamLeader),
                await Count(new GetMyWork(PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new GetMyWork(After: caseload.Next, PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new GetMyWork(Search: joined[0].Email, PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new ListDirectoryMembers(PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new ListDirectoryMembers(After: directory.Next, PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new ListDirectoryMembers(Search: "member", PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new ListCommunityOffers(null, null, PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new ListCommunityOffers(null, null, After: offers.Next, PageSize: PageSize), lead.Id, Roles.Practitioner),
                await Count(new ListCommunityOffers(Hub.Domain.Conversations.DeterminantArea.Housing, "Northgate", "music", PageSize: PageSize), lead.Id, Roles.Practitioner),
            ];
        }

        var small = await Measure(4);
        var large = await Measure(16);
        var names = new[] { "triage first", "triage next", "triage previous", "triage search newest first", "allocation first", "allocation next", "allocation search", "my work first", "my work next", "my work search",
            "directory first", "directory next", "directory search", "offers first", "offers next", "offers filtered search" };
        for (var i = 0; i < names.Length; i++)
        {
            output.WriteLine($"{names[i]}: {small[i]} SQL commands at the small size, {large[i]} at the large");
            large[i].ShouldBe(small[i], names[i]);
        }
    }

    private static int _phones = 100;

    private sealed record Created(Guid ReferralId, string Reference, string Name, string Phone, string Email);

    /// <summary>Triaged self-referrals with invented, distinct names, phones (Ofcom's drama range) and emails; some share a start time.</summary>
    private static async Task<List<Created>> Triaged(ApplicationHost host, int count, string tag)
    {
        var created = new List<Created>();
        for (var i = 0; i < count; i++)
        {
            var name = $"Listperson {tag} {(char)('a' + i)}{(char)('a' + i)}";
            var phone = $"07700 900{Interlocked.Increment(ref _phones):000}";
            var email = $"list.{tag}.{i}.{Guid.NewGuid():N}@example.org";
            var referral = await TriagedReferral(host, new SelfReferralAnswers
            {
                PreferredName = name, ContactMethod = ContactMethod.Email, Email = email, Phone = phone, WhatIsHappening = "Invented words.",
            });
            created.Add(new Created(referral.Id, referral.Reference, name, phone, email));
            if (i % 3 == 2)
            {
                host.Clock.Advance(TimeSpan.FromMinutes(1)); // the others share their start time with a neighbour
            }
        }
        return created;
    }

    /// <summary>Self-referrals waiting for triage, as <see cref="Triaged"/> but not triaged; two or three at a time share the time they arrived.</summary>
    private static async Task<List<Created>> Waiting(ApplicationHost host, int count, string tag)
    {
        var created = new List<Created>();
        for (var i = 0; i < count; i++)
        {
            var name = $"Listperson {tag} {(char)('a' + i)}{(char)('a' + i)}";
            var phone = $"07700 900{Interlocked.Increment(ref _phones):000}";
            var email = $"list.{tag}.{i}.{Guid.NewGuid():N}@example.org";
            var sent = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers
            {
                PreferredName = name, ContactMethod = ContactMethod.Email, Email = email, Phone = phone, WhatIsHappening = "Invented words.",
            }, Guid.NewGuid()));
            var id = await host.WithDb(db => db.Referrals.AsNoTracking().Where(r => r.Reference == sent.Reference).Select(r => r.Id).SingleAsync());
            created.Add(new Created(id, sent.Reference, name, phone, email));
            if (i % 3 == 2)
            {
                host.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }
        return created;
    }

    /// <summary>Searching by reference, name, phone and email finds the person; a stranger finds nobody; each search is one audit row.</summary>
    private static async Task SearchesFind<T>(ApplicationHost host, Guid user, string role, List<Created> people, Func<string, MediatR.IRequest<T>> request,
        Func<T, IEnumerable<string>> references, string list)
    {
        var target = people[4];
        var before = await host.WithDb(db => db.AuditEvents.CountAsync(e => e.RecordType == "ReferralSearch" && e.Screen.StartsWith(list)));
        foreach (var search in new[] { target.Reference.ToLowerInvariant().Replace("-", " "), target.Name.ToUpperInvariant(), target.Phone.Replace(" ", ""), target.Email })
        {
            references(await host.Send(request(search), user, role)).ShouldBe([target.Reference], search.Contains('@') ? "email" : "search");
        }
        references(await host.Send(request("Nobody Known"), user, role)).ShouldBeEmpty();
        references(await host.Send(request("07700 900999"), user, role)).ShouldBeEmpty();
        var audited = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordType == "ReferralSearch" && e.Screen.StartsWith(list))
            .Select(e => new { e.Screen, e.PersonId, e.ActorUserId }).ToListAsync());
        audited.Count.ShouldBe(before + 6, "each search is one audited read");
        audited.ShouldAllBe(e => e.PersonId == null && e.ActorUserId == user);
        audited.Select(e => e.Screen).ShouldContain($"{list}: search by name");
        audited.Select(e => e.Screen).ShouldContain($"{list}: search by phone");
        audited.Select(e => e.Screen).ShouldContain($"{list}: search by email");
        audited.Select(e => e.Screen).ShouldContain($"{list}: search by reference");
    }

    private sealed record Walked<T>(List<T> Forward, List<T> Backward, int Pages);

    /// <summary>Follows Next from the first page to the last, then Previous from the last back to the first.</summary>
    private static async Task<Walked<T>> Walk<T>(Func<string?, string?, Task<KeysetPage<T>>> read)
    {
        var forward = new List<T>();
        var page = await read(null, null);
        page.Previous.ShouldBeNull("the first page has nothing before it");
        var pages = 1;
        forward.AddRange(page.Rows);
        while (page.Next is { } next)
        {
            page = await read(next, null);
            page.Rows.Count.ShouldBeGreaterThan(0);
            page.Previous.ShouldNotBeNull();
            forward.AddRange(page.Rows);
            (++pages).ShouldBeLessThan(100);
        }
        var backward = new List<T>(page.Rows);
        while (page.Previous is { } previous)
        {
            page = await read(null, previous);
            page.Next.ShouldNotBeNull();
            backward.InsertRange(0, page.Rows);
            backward.Count.ShouldBeLessThan(1000);
        }
        return new Walked<T>(forward, backward, pages);
    }

    private static CommunityOffer Offer(string name, string neighbourhood, OfferInterest interest)
    {
        var offer = new CommunityOffer(name, "Invented trust", new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), "The borough");
        offer.Locate(neighbourhood, "Community centre", null, null);
        offer.DescribeForPublic("Anyone", "Just turn up", false, interest, OfferAccess.None);
        return offer;
    }
}
