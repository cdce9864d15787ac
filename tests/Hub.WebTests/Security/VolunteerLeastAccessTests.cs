using System.Net;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.WebTests.Security;

/// <summary>
/// A volunteer reaches only the requests matched to them (hazard H41): every other request in the
/// hub is refused and audited, every hub page and record is refused by its policy, and their own
/// list names nobody else.
/// </summary>
[Collection(AccessWorldCollection.Name)]
public sealed class VolunteerLeastAccessTests(AccessWorld world)
{
    [SkippableFact]
    public async Task Should_refuse_a_volunteer_every_request_not_matched_to_them_and_audit_each_refusal()
    {
        await world.BuildAsync();
        var volunteer = world.Client(Role.Volunteer);
        var userId = world.UserId(Role.Volunteer)!.Value;
        var others = await world.Factory.WithDbAsync(db => db.SupportRequests.AsNoTracking().Where(r => r.Id != world.SupportRequests.Own).Select(r => r.Id).ToListAsync());
        others.Count.ShouldBeGreaterThanOrEqualTo(3, "the demo requests and the other volunteer's");
        var before = await world.AuditHeadAsync();

        foreach (var id in others)
        {
            using var response = await volunteer.GetAsync($"/volunteer/requests/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"request {id} is not the volunteer's");
        }

        var denials = (await world.AuditSinceAsync(before)).Where(a => a.Action == Hub.Domain.Audit.AuditAction.Denied).ToList();
        denials.Count.ShouldBe(others.Count);
        denials.ShouldAllBe(a => a.ActorUserId == userId && a.PersonId == null && a.RecordType == "SupportRequest");
        (await volunteer.GetAsync($"/volunteer/requests/{world.SupportRequests.Own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Should_refuse_a_volunteer_every_hub_record_and_staff_page()
    {
        await world.BuildAsync();
        var volunteer = world.Client(Role.Volunteer);
        var hubPages = new[]
        {
            "/staff", "/staff/triage", $"/staff/triage/referrals/{world.Referrals.Own}", $"/staff/triage/referrals/{world.Referrals.Other}",
            $"/staff/conversations/{world.Conversations.Own}", $"/staff/care/{world.Referrals.Own}/plan", $"/staff/care/{world.Referrals.Other}/routing",
            $"/staff/personal-data/{world.Referrals.Own}", "/staff/handoffs", "/staff/allocation", "/staff/offers", "/staff/dashboard", "/staff/reports",
            "/staff/directory", $"/staff/directory/members/{world.MemberId}", "/staff/connect/proposals", "/staff/volunteering",
            $"/staff/volunteering/requests/{world.SupportRequests.Own}", $"/staff/volunteering/volunteers/{world.VolunteerId}", $"/staff/volunteering/concerns/{world.ConcernId}",
        };

        foreach (var page in hubPages)
        {
            using var response = await volunteer.GetAsync(page);
            response.IsRedirect().ShouldBeTrue(page);
            response.PathOf().ShouldBe("/staff/account/access-denied", page);
        }
        using var plan = await volunteer.GetAsync("/my/plan");
        plan.PathOf().ShouldBe("/my/signed-out", "a volunteer's account is not a person's plan session");
    }

    [SkippableFact]
    public async Task Should_show_a_volunteer_only_the_first_name_group_and_contact_of_their_own_request()
    {
        await world.BuildAsync();
        var volunteer = world.Client(Role.Volunteer);

        var list = await (await volunteer.GetAsync("/volunteer")).Content.ReadAsStringAsync();
        var page = await (await volunteer.GetAsync($"/volunteer/requests/{world.SupportRequests.Own}")).Content.ReadAsStringAsync();

        list.ShouldContain("Robin");
        page.ShouldContain("matrix.own.request@example.test");
        (list + page).ShouldNotContain("matrix.other.request@example.test");
        (list + page).ShouldNotContain("femi.demo@example.org", Case.Insensitive);
        (list + page).ShouldNotContain("Grace");
        page.ShouldNotContain("Try the group", Case.Sensitive, "what the person would like to try stays with the coordinator");
    }
}
