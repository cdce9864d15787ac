using Hub.Application.Common;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.Common;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using Hub.Domain.People;
using Hub.Domain.Volunteering;
using Hub.Infrastructure.Identity;
using Hub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Infrastructure.Seeding;

/// <summary>
/// Roles always; in demo mode also the demo partnership, one account per role and a few
/// referrals of invented people. Nothing here runs outside demo mode except the roles.
/// </summary>
public sealed class DemoDataSeeder(HubDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles,
    ICurrentUser currentUser, TimeProvider clock, IEmailOutbox outbox, Hub.Application.Connect.HomeArea home, Hub.Domain.Audit.AuditKey keys, ILogger<DemoDataSeeder> logger)
{
    /// <summary>The password of every demo account. Demo mode only; shown in the README.</summary>
    public const string DemoPassword = "LivingWell-demo-2026";

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("practitioner@demo.livingwell.test", "Sam Okafor (GP practice mental health practitioner)", Roles.Practitioner, "Riverside Medical Practice"),
        new("nurse@demo.livingwell.test", "Priya Shah (community mental health nurse)", Roles.Practitioner, "Borough Mental Health NHS Trust: community team"),
        new("peer@demo.livingwell.test", "Jo Reilly (peer support worker)", Roles.Practitioner, "Mind in the Borough"),
        new("connector@demo.livingwell.test", "Ade Bello (community connector)", Roles.Practitioner, "Connect and Do Community Trust"),
        new("money@demo.livingwell.test", "Lúcia Ferreira (money adviser)", Roles.Practitioner, "Connect and Do Community Trust"),
        new("teamleader@demo.livingwell.test", "Morgan Ellis (hub team leader)", Roles.TeamLeader, "Borough Mental Health NHS Trust: community team"),
        new("commissioner@demo.livingwell.test", "Chris Dunn (commissioner)", Roles.Commissioner, null),
        new("admin@demo.livingwell.test", "Alex Kim (hub administrator)", Roles.Admin, null),
    ];

    /// <summary>The volunteer coordinator's demo account (VolunteerCoordinator only) and a vetted volunteer's (Volunteer only).</summary>
    public const string CoordinatorEmail = "coordinator@demo.livingwell.test";

    public const string VolunteerEmail = "volunteer@demo.livingwell.test";

    public sealed record DemoAccount(string Email, string DisplayName, string Role, string? Organisation);

    public async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All.Append(Roles.Volunteer).Append(Roles.VolunteerCoordinator))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }

    public async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        await SeedRolesAsync();
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return;
        }

        var organisations = new[]
        {
            new Organisation("Riverside Medical Practice", Sector.Primary),
            new Organisation("Borough Mental Health NHS Trust: community team", Sector.Secondary),
            new Organisation("Mind in the Borough", Sector.Voluntary),
            new Organisation("Connect and Do Community Trust", Sector.Voluntary),
        };
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var account in Accounts)
        {
            var user = new StaffUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                OrganisationId = organisations.FirstOrDefault(o => o.Name == account.Organisation)?.Id,
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Could not create a demo account: " + string.Join("; ", created.Errors.Select(e => e.Code)));
            }
            await users.AddToRoleAsync(user, account.Role);
        }

        await SeedDirectoryAsync(organisations, cancellationToken);
        await SeedReferralsAsync(cancellationToken);
        await SeedVolunteeringAsync(cancellationToken);
        logger.LogInformation("Seeded demo partnership: {Organisations} organisations, {Accounts} accounts", organisations.Length, Accounts.Count);
    }

    /// <summary>A team in each organisation, a directory profile for every practitioner and the team leader, and a few invented community offers.</summary>
    private async Task SeedDirectoryAsync(IReadOnlyList<Organisation> organisations, CancellationToken cancellationToken)
    {
        var teams = organisations.ToDictionary(o => o.Name, o => new Team(o.Id, o.Sector switch
        {
            Sector.Primary => "Practice mental health team",
            Sector.Secondary => "Community mental health team",
            _ => "Living Well team",
        }));
        db.Teams.AddRange(teams.Values);

        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var profiles = new (string Email, ProfessionalGroup Group, WorkerGender Gender, DeterminantArea[] Helps, string[] Languages, string[] Neighbourhoods, DayOfWeek[] Days, bool Evenings, int Capacity)[]
        {
            ("practitioner@demo.livingwell.test", ProfessionalGroup.MentalHealthPractitioner, WorkerGender.Man, [DeterminantArea.PhysicalHealth], ["English", "Yoruba"], ["North", "Central"], weekdays, false, 25),
            ("nurse@demo.livingwell.test", ProfessionalGroup.Nurse, WorkerGender.Woman, [DeterminantArea.PhysicalHealth, DeterminantArea.AlcoholAndDrugs], ["English", "Gujarati"], ["Central", "South"], weekdays, true, 20),
            ("peer@demo.livingwell.test", ProfessionalGroup.PeerSupportWorker, WorkerGender.NonBinary, [DeterminantArea.Loneliness], ["English", "Polish"], ["North", "Central", "South"], [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday], true, 15),
            ("connector@demo.livingwell.test", ProfessionalGroup.CommunityConnector, WorkerGender.Man, [DeterminantArea.Loneliness, DeterminantArea.WorkStudyOrVolunteering, DeterminantArea.CaringResponsibilities], ["English"], ["North", "South"], weekdays, false, 30),
            ("money@demo.livingwell.test", ProfessionalGroup.MoneyAdviser, WorkerGender.Woman, [DeterminantArea.MoneyDebtAndBenefits, DeterminantArea.Housing], ["English", "Portuguese"], ["Central", "South"], [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], false, 20),
            ("teamleader@demo.livingwell.test", ProfessionalGroup.MentalHealthPractitioner, WorkerGender.Woman, [], ["English"], ["North", "Central", "South"], weekdays, false, 5),
        };
        foreach (var p in profiles)
        {
            var account = Accounts.Single(a => a.Email == p.Email);
            var user = await users.FindByEmailAsync(p.Email) ?? throw new InvalidOperationException("Demo account missing.");
            var name = account.DisplayName.Split(" (")[0];
            var member = new TeamMember(user.Id, teams[account.Organisation!].Id, name, p.Group, p.Capacity);
            member.UpdateProfile(teams[account.Organisation!].Id, name, p.Group, null, p.Gender, p.Helps, [], p.Languages, p.Neighbourhoods, p.Days, p.Evenings, p.Capacity);
            db.TeamMembers.Add(member);
        }

        var now = clock.GetUtcNow();
        CommunityOffer Offer(string name, string organisation, string description, DeterminantArea[] helps, string neighbourhood, OfferSession[] sessions, bool peerLed, string[] languages)
        {
            var offer = new CommunityOffer(name, organisation, now, home.Name);
            offer.Describe(name, description, organisation, [], helps, peerLed, languages);
            offer.Locate(neighbourhood, $"{neighbourhood} Community Centre", null, null);
            offer.Schedule(sessions, null);
            offer.SetCost(true, null);
            return offer;
        }
        var offers = new[] {
            Offer("Money and benefits drop-in", "Connect and Do Community Trust", "Bring your letters: help with benefits, debts and bills, no appointment needed.",
                [DeterminantArea.MoneyDebtAndBenefits], "Central", [new(DayOfWeek.Wednesday, new(10, 0), new(13, 0))], false, ["English", "Portuguese"]),
            Offer("Walk and talk group", "Mind in the Borough", "A gentle hour's walk in the park with people who have been there too.",
                [DeterminantArea.Loneliness, DeterminantArea.PhysicalHealth], "North", [new(DayOfWeek.Saturday, new(10, 0), new(11, 30))], true, ["English"]),
            Offer("Evening peer support circle", "Mind in the Borough", "A relaxed evening group run by people with lived experience.",
                [DeterminantArea.Loneliness], "Central", [new(DayOfWeek.Tuesday, new(18, 0), new(20, 0))], true, ["English", "Polish"]),
            Offer("Carers' coffee morning", "Connect and Do Community Trust", "Time for yourself with other people caring for someone.",
                [DeterminantArea.CaringResponsibilities, DeterminantArea.Loneliness], "South", [new(DayOfWeek.Thursday, new(10, 30), new(12, 0))], false, ["English"]),
            Offer("Back to work workshop", "Connect and Do Community Trust", "CVs, confidence and volunteering as a first step back to work.",
                [DeterminantArea.WorkStudyOrVolunteering], "Central", [new(DayOfWeek.Monday, new(14, 0), new(16, 0))], false, ["English"]) };
        // What the public directory shows beyond the staff list (Connect and Do, docs/decisions/033).
        offers[0].DescribeForPublic("Anyone with money worries, in work or not.", "Just turn up. Bring any letters you have.", true, OfferInterest.SupportAndWellbeing, OfferAccess.StepFree | OfferAccess.AccessibleToilet);
        offers[1].DescribeForPublic("Anyone who can walk for an hour at a gentle pace.", "Meet at the park gates at 10am. No need to book.", true, OfferInterest.NatureAndGardening | OfferInterest.SportAndFitness | OfferInterest.SocialAndFriendship, OfferAccess.None);
        offers[2].DescribeForPublic("Adults who are finding things hard and would like to talk with people who understand.", "Just turn up, or ring the organiser first if you would like someone to meet you at the door.", true, OfferInterest.SupportAndWellbeing | OfferInterest.SocialAndFriendship, OfferAccess.StepFree | OfferAccess.Quiet | OfferAccess.HearingLoop);
        offers[3].DescribeForPublic("Anyone looking after a family member or friend.", "Just turn up.", true, OfferInterest.SocialAndFriendship, OfferAccess.StepFree);
        offers[4].DescribeForPublic("Anyone thinking about work, study or volunteering.", "Book a place by phone or email.", false, OfferInterest.LearningAndLanguages, OfferAccess.StepFree | OfferAccess.Quiet);
        offers[0].SetContact("020 7946 0100", null, null);
        offers[2].SetContact("020 7946 0101", null, null);
        DemoGroup[] more =
        [
            new("Tuesday evening painting club", "Riverside Arts Collective", "Paint, draw or just have a cup of tea. Materials are provided and nobody needs to be good at art.",
                [DeterminantArea.Loneliness], "North", [new(DayOfWeek.Tuesday, new(18, 30), new(20, 30))], false, ["English"], OfferInterest.ArtsAndCrafts | OfferInterest.SocialAndFriendship, OfferAccess.StepFree | OfferAccess.AccessibleToilet, true, "£3 a session, materials included"),
            new("Women's swim and chat", "Borough Leisure Trust", "A women-only swim session with a chat in the cafe afterwards.",
                [DeterminantArea.PhysicalHealth], "South", [new(DayOfWeek.Tuesday, new(19, 0), new(20, 0))], false, ["English", "Bengali"], OfferInterest.SportAndFitness, OfferAccess.WomenOnly | OfferAccess.StepFree, false, "£2.50 a session, free with a leisure card"),
            new("Northfield community garden", "Northfield Growers", "Grow vegetables and flowers together; tools and gloves provided.",
                [DeterminantArea.Loneliness], "Northfield Village", [new(DayOfWeek.Tuesday, new(17, 30), new(19, 30)), new(DayOfWeek.Saturday, new(10, 0), new(13, 0))], true, ["English"], OfferInterest.NatureAndGardening, OfferAccess.StepFree, true, null, "Northfield"),
            new("Northfield football for fun", "Northfield Sports Club", "Friendly five-a-side for all abilities. Nobody keeps score.",
                [DeterminantArea.PhysicalHealth], "Northfield Village", [new(DayOfWeek.Thursday, new(19, 0), new(20, 0))], false, ["English"], OfferInterest.SportAndFitness, OfferAccess.None, true, null, "Northfield"),
        ];
        foreach (var m in more)
        {
            var offer = Offer(m.Name, m.Organisation, m.Description, m.Helps, m.Neighbourhood, m.Sessions, m.PeerLed, m.Languages);
            offer.DescribeForPublic(null, "Just turn up.", m.BringSomeone, m.Interests, m.Access);
            if (m.Cost is not null) { offer.SetCost(false, m.Cost); }
            offer.PlaceInArea(m.Area ?? home.Name);
            offers = [.. offers, offer];
        }
        db.CommunityOffers.AddRange(offers);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Connect and Do's volunteers: a coordinator, a vetted volunteer with an account, one vetted
    /// without, one whose review falls due soon, one lapsed, one new; and two people waiting.
    /// </summary>
    private async Task SeedVolunteeringAsync(CancellationToken cancellationToken)
    {
        var trust = await db.Organisations.Where(o => o.Name == "Connect and Do Community Trust").Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        var accounts = new[] { (CoordinatorEmail, "Bea Lewis (volunteer coordinator)", Roles.VolunteerCoordinator), (VolunteerEmail, "Nia Evans", Roles.Volunteer) };
        foreach (var (email, name, role) in accounts)
        {
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = role == Roles.VolunteerCoordinator ? trust : null };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Could not create a demo account: " + string.Join("; ", created.Errors.Select(e => e.Code)));
            }
            await users.AddToRoleAsync(user, role);
        }
        var now = clock.GetUtcNow();
        var today = UkCalendar.DayOf(now);
        var coordinator = (await users.FindByEmailAsync(CoordinatorEmail))!.Id;
        Volunteer Vetted(string first, string last, string email, string availability, int reviewInDays)
        {
            var v = Volunteer.Register(first, last, email, null, availability, null, null, Guid.NewGuid(), now.AddDays(-120));
            v.RecordChecks(new VolunteerChecks(DbsCheckType.Enhanced, today.AddDays(-100), today.AddDays(-95), today.AddDays(-90), today.AddDays(reviewInDays)), coordinator, now.AddDays(-90));
            if (reviewInDays >= 0)
            {
                v.Approve(today, now.AddDays(-90));
            }
            return v;
        }
        var nia = Vetted("Nia", "Evans", VolunteerEmail, "Weekday evenings and Saturday mornings", 300);
        nia.Invite((await users.FindByEmailAsync(VolunteerEmail))!.Id, now.AddDays(-80));
        nia.InvitationAccepted();
        var volunteers = new[]
        {
            nia,
            Vetted("Rosa", "Mendes", "rosa.demo@example.org", "Tuesday and Thursday afternoons", 200),
            Vetted("Kai", "Turner", "kai.demo@example.org", "Weekends", 12),
            Volunteer.Register("Ben", "Okoro", "ben.demo@example.org", null, "Any weekday morning", "I used to find groups hard to walk into myself.", null, Guid.NewGuid(), now.AddDays(-3)),
        };
        db.Volunteers.AddRange(volunteers);
        var offers = await db.CommunityOffers.Where(o => o.Active).OrderBy(o => o.Name).Select(o => o.Id).Take(2).ToListAsync(cancellationToken);
        if (offers.Count == 2)
        {
            db.SupportRequests.Add(SupportRequest.Ask(offers[0], "Femi", "Going to the group for the first time", "Weekday evenings",
                new ComeAlongContact(ReachBy.Email, "femi.demo@example.org", null, true), keys, Guid.NewGuid(), now.AddDays(-4)));
            db.SupportRequests.Add(SupportRequest.Ask(offers[1], "Grace", "I would like to try it but I am nervous about walking in", "Saturday mornings",
                new ComeAlongContact(ReachBy.Text, null, "07700 900 303", false), keys, Guid.NewGuid(), now.AddDays(-1)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedReferralsAsync(CancellationToken cancellationToken)
    {
        var examples = new (int DaysAgo, SelfReferralAnswers Answers)[]
        {
            (23, new SelfReferralAnswers
            {
                PreferredName = "Dee", ContactMethod = ContactMethod.Phone, Phone = "07700 900 101", SafeToLeaveMessage = "yes",
                WhatIsHappening = "Since I lost my job I can't sleep and I have stopped seeing anyone.", WhatWouldHelp = "Someone to talk to, and help with money.",
                ConsentToShare = "yes", EthnicCategory = "M", Gender = "woman",
            }),
            (9, new SelfReferralAnswers
            {
                PreferredName = "Tomasz", ContactMethod = ContactMethod.Text, Phone = "07700 900 202", SafeToLeaveMessage = "no",
                WhatIsHappening = "Panic attacks on the bus to work.", PreferredLanguage = "Polish", InterpreterNeeded = "yes", ConsentToShare = "yes",
            }),
            (3, new SelfReferralAnswers
            {
                PreferredName = "R", ContactMethod = ContactMethod.Email, Email = "r.demo@example.org",
                WhatIsHappening = "Caring for my mum and I feel like I am disappearing.", AccessNeeds = "I am deaf: please email or text, not phone.",
                ConsentToShare = "no",
            }),
            (1, new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, WhatIsHappening = "I'd rather explain on the phone." }),
            (0, new SelfReferralAnswers
            {
                PreferredName = "Dee", ContactMethod = ContactMethod.Phone, Phone = "07700900101", SafeToLeaveMessage = "yes",
                WhatIsHappening = "Things got worse again this week.", ConsentToShare = "yes",
            }),
        };

        foreach (var (daysAgo, answers) in examples)
        {
            var at = new ShiftedClock(clock, TimeSpan.FromDays(daysAgo));
            // No triage emails for invented people.
            var handler = new SubmitSelfReferralHandler(db, new AuditTrail(db, currentUser, at), at, outbox, new TriageNotificationSettings(null, string.Empty),
                new ReferenceConfirmationSettings("Living Well Hub", null), new PossibleMatchSearch(db));
            await handler.Handle(new SubmitSelfReferral(answers, Guid.NewGuid()), cancellationToken);
        }
    }

    /// <summary>A clock set back so demo referrals show a spread of waits.</summary>
    private sealed class ShiftedClock(TimeProvider inner, TimeSpan back) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() - back;
    }

    private sealed record DemoGroup(string Name, string Organisation, string Description, DeterminantArea[] Helps, string Neighbourhood, OfferSession[] Sessions, bool PeerLed, string[] Languages,
        OfferInterest Interests, OfferAccess Access, bool BringSomeone, string? Cost, string? Area = null);
}
