using System.Text.Json;
using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.PersonalData.ExportCommunityRecords;
using Hub.Application.PersonalData.ExportPersonalData;
using Hub.Application.Space;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Domain.Audit;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Space;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.PersonalData;

/// <summary>
/// Subject access for someone Connect and Do knows only by an address (docs/decisions/048), on
/// PostgreSQL: a team leader finds the records under an email address or a mobile number however it is
/// typed, downloads the same Connect and Do sections the hub export writes, and finds nothing of anyone
/// else; a search that finds nothing says so; every search and export is audited by the kind of address,
/// never the address; other roles are refused and the refusal audited.
/// </summary>
public sealed class CommunityRecordsByAddressTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Guid TeamLeader = Guid.Parse("5a1f0c00-0000-4000-8000-00000000c601");

    [SkippableFact]
    public async Task Should_find_and_export_the_records_under_an_address_alone_with_the_hub_exports_sections_audited_without_the_address()
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString);
        var now = host.Clock.GetUtcNow();
        var offer = await host.WithDb(async db =>
        {
            var o = db.CommunityOffers.Add(new CommunityOffer("Invented Canal Walkers", "Test organiser", now, "The borough")).Entity;
            db.GroupProposals.Add(GroupProposal.Propose(new ProposedGroup("Invented Knit and Natter", "Alex", "Invented: knitting.", null,
                DayOfWeek.Tuesday, new TimeOnly(18, 0), new TimeOnly(19, 0), null, "The borough", null, "The library", null, true, null, "Just turn up.", true,
                OfferInterest.NatureAndGardening, OfferAccess.StepFree, false, null, null, null), "Alex.Only.601@Example.org", Guid.NewGuid(), now));
            await db.SaveChangesAsync();
            return o.Id;
        });
        async Task<Guid> Ask(string firstName, string reachBy, string address)
        {
            var token = Guid.NewGuid();
            await host.SendAsPublic(new AskForSupporter(offer, new ComeAlongAnswers
            {
                FirstName = firstName, WhatToTry = $"Invented: {firstName} would like to walk", WhenSuits = "Mornings", ReachBy = reachBy,
                Email = reachBy == "email" ? address : null, Mobile = reachBy == "text" ? address : null, MessagesSafe = "yes",
            }, token));
            return await host.WithDb(db => db.SupportRequests.Where(r => r.FormToken == token).Select(r => r.Id).SingleAsync());
        }
        var byEmail = await Ask("Alex", "email", "alex.only.601@example.org");
        var byText = await Ask("Al", "text", "07700 900 601");
        await Ask("Quentin", "email", "quentin.602@example.org");
        var key = await host.WithService<AuditKey, AuditKey>(k => Task.FromResult(k));
        await host.WithDb(async db =>
        {
            var member = db.SpaceMembers.Add(new SpaceMember(SpaceAddresses.KeyOf(key, SpaceAddresses.Normalise("alex.only.601@example.org")), now)).Entity;
            db.SpaceGoals.Add(new SpaceGoal(member.Id, "Invented: walk to the lock", now));
            return await db.SaveChangesAsync();
        });

        var found = await host.Send(new FindCommunityRecords("  ALEX.only.601@example.ORG "), TeamLeader, Roles.TeamLeader);
        (found.Address, found.IsEmail).ShouldBe(("alex.only.601@example.org", true), "an email is found in any case, trimmed");
        int Found(string key) => found.Sections.Single(s => s.Key == key).Count;
        (Found("comeAlongRequests"), Found("space"), Found("spaceGoals"), Found("groupProposals"), Found("messages")).ShouldBe((1, 1, 1, 1, 1),
            "the request asked by email, the space, its goal, the group proposed, and the confirmation emailed");
        found.Total.ShouldBe(found.Sections.Sum(s => s.Count));

        var byMobile = await host.Send(new FindCommunityRecords("+44 7700 900601"), TeamLeader, Roles.TeamLeader);
        (byMobile.Address, byMobile.IsEmail).ShouldBe(("07700900601", false));
        byMobile.Sections.Single(s => s.Key == "comeAlongRequests").Count.ShouldBe(1, "a mobile is found however it is spaced, +44 included");

        var nothing = await host.Send(new FindCommunityRecords("nobody.603@example.org"), TeamLeader, Roles.TeamLeader);
        nothing.Total.ShouldBe(0);
        (await Should.ThrowAsync<ValidationException>(() => host.Send(new FindCommunityRecords("alex.only"), TeamLeader, Roles.TeamLeader)))
            .Errors.Single().ErrorMessage.ShouldBe(CommunityAddress.Unreadable, "never a part of an address");

        var export = await host.Send(new ExportCommunityRecords("alex.only.601@example.org"), TeamLeader, Roles.TeamLeader);
        export.FoundBy.ShouldBe("alex.only.601@example.org");
        var requests = export.Sections.Single(s => s.Key == "comeAlongRequests").Records;
        requests.Select(r => r["id"]!.GetValue<string>()).ShouldBe([byEmail.ToString()]);
        export.Sections.Single(s => s.Key == "groupProposals").Records.Single()["details"]!["name"]!.GetValue<string>().ShouldBe("Invented Knit and Natter");
        var everything = JsonSerializer.Serialize(export.Sections.Select(s => s.Records));
        everything.ShouldNotContain("Quentin", Case.Insensitive, "nothing of anyone else");
        everything.ShouldNotContain(byText.ToString(), Case.Insensitive, "the request by mobile is found by the mobile, not the email");
        var names = export.Sections.SelectMany(s => s.Records).SelectMany(r => r.Select(p => p.Key)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in new[] { "addressKey", "contactKey", "formToken", "tokenHash", "version" })
        {
            names.ShouldNotContain(secret);
        }

        // The same section reader as the hub export: the same Connect and Do sections, in the same order, and the messages.
        var community = await host.WithDb(db => CommunitySections.ReadAsync(db, key, [], [], [], CancellationToken.None));
        export.Sections.Select(s => s.Key).ShouldBe([.. community.Sections.Select(s => s.Key), "messages"]);

        var audit = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.ActorUserId == TeamLeader).ToListAsync());
        audit.Count(a => a.RecordType == CommunityRecordsHandler.RecordType && a.Screen.StartsWith(CommunityRecordsHandler.SearchScreen, StringComparison.Ordinal))
            .ShouldBe(3, "each search that ran is audited, the one that found nothing included; the unreadable one never ran");
        audit.Count(a => a.RecordType == CommunityRecordsHandler.RecordType && a.Screen == CommunityRecordsHandler.ExportScreen + " by email address").ShouldBe(1);
        audit.Where(a => a.Screen == CommunityRecordsHandler.ExportScreen).Select(a => a.RecordType).ShouldBe(["SupportRequest", "SpaceMember", "GroupProposal"], ignoreOrder: true,
            "one row per record exported, by type and id");
        var written = JsonSerializer.Serialize(audit.Select(a => new { a.RecordType, a.Screen, a.ActorRole }));
        foreach (var personal in new[] { "alex", "07700", "7700", "example.org" })
        {
            written.ShouldNotContain(personal, Case.Insensitive, "no address in the audit log");
        }
    }

    [SkippableFact]
    public async Task Should_refuse_every_role_but_a_team_leader_and_audit_the_refusal_and_explain_an_address_it_cannot_read()
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString);
        var someone = Guid.Parse("5a1f0c00-0000-4000-8000-00000000c602");
        foreach (var role in new[] { Roles.Practitioner, Roles.Admin, Roles.Commissioner, Roles.VolunteerCoordinator })
        {
            await Should.ThrowAsync<ForbiddenAccessException>(() => host.Send(new FindCommunityRecords("alex.only.601@example.org"), someone, role));
            await Should.ThrowAsync<ForbiddenAccessException>(() => host.Send(new ExportCommunityRecords("alex.only.601@example.org"), someone, role));
        }
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.ActorUserId == someone && a.Action == AuditAction.Denied && a.RecordType == CommunityRecordsHandler.RecordType)))
            .ShouldBe(8);

        foreach (var (typed, message) in new[]
                 {
                     ("   ", CommunityAddress.Missing), ("name@", CommunityAddress.Unreadable), ("0207 946 0000", CommunityAddress.Unreadable),
                     ("alex", CommunityAddress.Unreadable), ("07700 900 601\u200E", CommunityAddress.Unreadable), ("\u200Balex.only.601@example.org", CommunityAddress.Unreadable), (new string('a', 250) + "@example.org", "The email address or mobile number must be 254 characters or fewer"),
                 })
        {
            (await Should.ThrowAsync<ValidationException>(() => host.Send(new FindCommunityRecords(typed), TeamLeader, Roles.TeamLeader)))
                .Errors.Select(e => e.ErrorMessage).ShouldBe([message], typed.Length > 20 ? "a very long address" : typed);
        }
        (await Should.ThrowAsync<ValidationException>(() => host.Send(new FindCommunityRecords("07700 900 601\u202E"), TeamLeader, Roles.TeamLeader)))
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(FindCommunityRecords.EmailOrMobile), "a hidden character is named, not read past to the digits");
    }
}
