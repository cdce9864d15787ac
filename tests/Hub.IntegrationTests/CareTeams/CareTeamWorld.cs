using Hub.Application.CareTeams.AnswerHandoff;
using Hub.Application.CareTeams.OfferHandoff;
using Hub.Application.Common;
using Hub.Application.Directory.AddOrganisation;
using Hub.Application.Directory.AddTeam;
using Hub.Application.Directory.SaveMemberProfile;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Triage.DecidePossibleMatch;
using Hub.Application.Triage.RecordTriageOutcome;
using Hub.Domain.CareTeams;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Triage;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Identity;
using Hub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>A member of staff with a sign-in account and a directory profile (the profile's id is the account's id).</summary>
internal sealed record Staff(Guid Id, string Name, string DisplayName, string Email);

/// <summary>
/// Arranges the partnership for care-team tests through the same use cases staff use: accounts,
/// organisations, teams, member profiles and triaged referrals. Every name, number and address is
/// invented (phone numbers from Ofcom's drama range, emails on example.org and hub.test).
/// </summary>
internal static class CareTeamWorld
{
    public const string BaseUrl = "https://hub.test";

    private static readonly Guid AdminId = Guid.Parse("0b8f5a4e-3d1c-4c55-9a31-5a1f6e7d2cad");

    public static ApplicationHost Host(DatabaseFixture database, TestClock? clock = null) =>
        new(database.ConnectionString, clock, settings: new Dictionary<string, string?> { ["Hub:PublicBaseUrl"] = BaseUrl });

    /// <summary>A new organisation with one team; returns the team's id.</summary>
    public static async Task<Guid> Team(ApplicationHost host, Sector sector = Sector.Voluntary)
    {
        var organisation = await host.Send(new AddOrganisation($"Test organisation {Guid.NewGuid():N}", sector), AdminId, Roles.Admin);
        return await host.Send(new AddTeam(organisation, "Living Well team"), AdminId, Roles.Admin);
    }

    /// <summary>Creates a staff account in <paramref name="role"/> and its directory profile.</summary>
    public static async Task<Staff> Member(ApplicationHost host, Guid teamId, string name, string role = Roles.Practitioner,
        ProfessionalGroup group = ProfessionalGroup.MentalHealthPractitioner, int capacity = 20, bool away = false,
        DeterminantArea[]? helpsWith = null, string[]? languages = null, string[]? neighbourhoods = null)
    {
        var id = Guid.NewGuid();
        var email = $"member-{id:N}@hub.test";
        var displayName = $"{name} (test account)";
        await host.WithService<RoleManager<IdentityRole<Guid>>, bool>(async roles =>
        {
            if (!await roles.RoleExistsAsync(role))
            {
                (await roles.CreateAsync(new IdentityRole<Guid>(role))).Succeeded.ShouldBeTrue();
            }
            return true;
        });
        await host.WithService<UserManager<StaffUser>, bool>(async users =>
        {
            var user = new StaffUser { Id = id, UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
            return true;
        });
        await host.Send(new SaveMemberProfile(id, teamId, name, group, null, null, helpsWith ?? [], [], languages ?? ["English"], neighbourhoods ?? [],
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday], false, capacity, away), AdminId, Roles.Admin);
        return new Staff(id, name, displayName, email);
    }

    public static SelfReferralAnswers Answers(string? phone = null, string? email = null) => new()
    {
        PreferredName = "Test person",
        ContactMethod = email is not null ? ContactMethod.Email : phone is not null ? ContactMethod.Phone : ContactMethod.TheyWillCallUs,
        Phone = phone,
        Email = email,
        SafeToLeaveMessage = phone is not null && email is null ? "yes" : null,
        WhatIsHappening = "Invented words about a hard few months.",
    };

    /// <summary>A self-referral triaged into support (a conversation booked), as the allocation queue expects.</summary>
    public static async Task<Referral> TriagedReferral(ApplicationHost host, SelfReferralAnswers? answers = null)
    {
        var submitted = await host.SendAsPublic(new SubmitSelfReferral(answers ?? Answers(), Guid.NewGuid()));
        var referral = await Referral(host, submitted.Reference);
        (await host.SendAsPractitioner(new RecordTriageOutcome(referral.Id, TriageOutcome.ConversationBooked, null, referral.Version)))
            .ShouldBe(RecordTriageOutcomeResult.Recorded);
        return await Referral(host, submitted.Reference);
    }

    public static Task<Referral> Referral(ApplicationHost host, string reference) =>
        host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference));

    public static Task<Referral> Referral(ApplicationHost host, Guid id) =>
        host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id));

    /// <summary>Staff confirm the suggested earlier record for a new referral, as triage does.</summary>
    public static async Task ConfirmReturningPerson(ApplicationHost host, string reference)
    {
        var referral = await Referral(host, reference);
        var match = await host.WithDb(db => db.PossibleMatches.AsNoTracking().SingleAsync(m => m.ReferralId == referral.Id));
        await host.SendAsPractitioner(new DecidePossibleMatch(match.Id, SamePerson: true));
    }

    /// <summary><paramref name="from"/> offers the work; the receiver's pending handoff is returned.</summary>
    public static async Task<Handoff> Offer(ApplicationHost host, Staff from, Guid referralId, Staff to, CareTeamRole role, string note = "Invented handoff note.")
    {
        (await host.SendAsPractitioner(new OfferHandoff(referralId, to.Id, role, note), from.Id)).ShouldBe(OfferHandoffResult.Offered);
        var referral = await Referral(host, referralId);
        return await host.WithDb(db => db.Handoffs.AsNoTracking().SingleAsync(h => h.SpellId == referral.SpellId && h.ToMemberId == to.Id && h.Status == HandoffStatus.Pending));
    }

    /// <summary>Offers the work and the receiver accepts it.</summary>
    public static async Task Join(ApplicationHost host, Staff from, Guid referralId, Staff to, CareTeamRole role)
    {
        var handoff = await Offer(host, from, referralId, to, role);
        (await host.SendAsPractitioner(new AnswerHandoff(handoff.Id, true, null), to.Id)).ShouldBe(AnswerHandoffResult.Accepted);
    }

    /// <summary>The spell's current care team as (member, role), in no particular order.</summary>
    public static Task<List<(Guid MemberId, CareTeamRole Role)>> CurrentTeam(ApplicationHost host, Guid spellId) =>
        host.WithDb(async db => (await db.CareTeamMembers.AsNoTracking().Where(m => m.SpellId == spellId && m.LeftAt == null).ToListAsync())
            .Select(m => (m.MemberId, m.Role)).ToList());

    /// <summary>Emails waiting in the outbox for one address, for one purpose, oldest first.</summary>
    public static Task<List<OutboxMessage>> Outbox(ApplicationHost host, string to, string purpose) =>
        host.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to && m.Purpose == purpose).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());
}
