using Bogus;
using Hub.Application.Common;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using Hub.Infrastructure.Identity;
using Hub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Hub.Infrastructure.Seeding.Bulk;

/// <summary>One member of the invented partnership, as the generator needs them.</summary>
internal sealed record BulkMember(Guid Id, Sector Sector, bool IsTeamLeader, bool Triages, int Capacity);

/// <summary>
/// The invented partnership the referrals are worked by: six teams in five organisations across
/// the three sectors, each with a team leader and six practitioners. Accounts are made the way
/// the demo seeder makes them, but with no password and locked out: nobody signs in as them, and
/// nothing is emailed to them.
/// </summary>
internal sealed class BulkStaff
{
    public const string EmailDomain = "bench.livingwell.test";

    /// <summary>The neighbourhoods people live in and members cover, with an invented postcode district each.</summary>
    public static readonly (string Name, string District, int Weight)[] Neighbourhoods =
    [
        ("North", "LW1", 16), ("Central", "LW2", 20), ("South", "LW3", 15), ("Riverside", "LW4", 12),
        ("Eastfield", "LW5", 11), ("Westbrook", "LW6", 10), ("Hillside", "LW7", 8), ("Old Town", "LW8", 8),
    ];

    private static readonly (string Organisation, Sector Sector, string Team, bool Triages, ProfessionalGroup[] Groups)[] Teams =
    [
        ("Northgate Surgery", Sector.Primary, "Practice mental health team", false, [ProfessionalGroup.MentalHealthPractitioner]),
        ("Hillside Health Centre", Sector.Primary, "Practice mental health team", false, [ProfessionalGroup.MentalHealthPractitioner, ProfessionalGroup.Nurse]),
        ("Borough Mental Health NHS Trust", Sector.Secondary, "Living Well hub team", true,
            [ProfessionalGroup.MentalHealthPractitioner, ProfessionalGroup.Nurse, ProfessionalGroup.SocialWorker]),
        ("Borough Mental Health NHS Trust", Sector.Secondary, "Community mental health team", false,
            [ProfessionalGroup.Nurse, ProfessionalGroup.Psychologist, ProfessionalGroup.SocialWorker, ProfessionalGroup.Psychiatrist]),
        ("Open Door Peer Support", Sector.Voluntary, "Peer support team", false, [ProfessionalGroup.PeerSupportWorker]),
        ("Eastfield Community Trust", Sector.Voluntary, "Community connectors", false,
            [ProfessionalGroup.CommunityConnector, ProfessionalGroup.MoneyAdviser, ProfessionalGroup.HousingAdviser, ProfessionalGroup.EmploymentAdviser]),
    ];

    private const int PractitionersPerTeam = 6;

    private readonly BulkMember[] _practitioners;
    private readonly float[] _leadWeights;
    private readonly BulkMember[] _triagers;

    private BulkStaff(IReadOnlyList<BulkMember> members)
    {
        Members = members;
        _practitioners = members.Where(m => !m.IsTeamLeader).ToArray();
        _leadWeights = ReferralHistoryGenerator.Shares(_practitioners.Select(p => (float)p.Capacity).ToArray());
        _triagers = _practitioners.Where(m => m.Triages).ToArray();
    }

    public IReadOnlyList<BulkMember> Members { get; }

    public static async Task<BulkStaff> CreateAsync(HubDbContext db, UserManager<StaffUser> users, Faker faker, CancellationToken cancellationToken)
    {
        var organisations = Teams.Select(t => (t.Organisation, t.Sector)).Distinct()
            .ToDictionary(o => o.Organisation, o => new Organisation(o.Organisation, o.Sector));
        db.Organisations.AddRange(organisations.Values);
        var teams = Teams.Select(t => (Spec: t, Team: new Team(organisations[t.Organisation].Id, t.Team))).ToList();
        db.Teams.AddRange(teams.Select(t => t.Team));
        await db.SaveChangesAsync(cancellationToken);

        var members = new List<BulkMember>();
        var number = 0;
        foreach (var (spec, team) in teams)
        {
            for (var i = 0; i <= PractitionersPerTeam; i++)
            {
                var leader = i == 0;
                var name = faker.Name.FullName();
                var user = new StaffUser
                {
                    UserName = $"member{++number:00}@{EmailDomain}",
                    Email = $"member{number:00}@{EmailDomain}",
                    EmailConfirmed = true,
                    DisplayName = name,
                    OrganisationId = organisations[spec.Organisation].Id,
                    LockoutEnabled = true,
                    LockoutEnd = DateTimeOffset.MaxValue,
                };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Could not create a benchmark account: " + string.Join("; ", created.Errors.Select(e => e.Code)));
                }
                await users.AddToRoleAsync(user, leader ? Roles.TeamLeader : Roles.Practitioner);

                var group = leader ? ProfessionalGroup.MentalHealthPractitioner : faker.PickRandom(spec.Groups);
                var capacity = leader ? 5 : faker.Random.Number(15, 35);
                var member = new TeamMember(user.Id, team.Id, name, group, capacity);
                member.UpdateProfile(team.Id, name, group, null, faker.Random.Enum<WorkerGender>(), HelpsWith(group, faker), [],
                    faker.Random.Bool(0.3f) ? ["English", faker.PickRandom(BulkPhrases.Languages)] : ["English"],
                    faker.PickRandom(Neighbourhoods, faker.Random.Number(2, 4)).Select(n => n.Name),
                    faker.Random.Bool(0.8f) ? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]
                        : [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
                    faker.Random.Bool(0.25f), capacity);
                db.TeamMembers.Add(member);
                members.Add(new BulkMember(user.Id, spec.Sector, leader, spec.Triages, capacity));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new BulkStaff(members);
    }

    private static IEnumerable<DeterminantArea> HelpsWith(ProfessionalGroup group, Faker faker) => group switch
    {
        ProfessionalGroup.MoneyAdviser => [DeterminantArea.MoneyDebtAndBenefits],
        ProfessionalGroup.HousingAdviser => [DeterminantArea.Housing],
        ProfessionalGroup.EmploymentAdviser => [DeterminantArea.WorkStudyOrVolunteering],
        ProfessionalGroup.CommunityConnector => [DeterminantArea.Loneliness, DeterminantArea.CaringResponsibilities],
        ProfessionalGroup.PeerSupportWorker => [DeterminantArea.Loneliness],
        _ => faker.PickRandom(Enum.GetValues<DeterminantArea>(), faker.Random.Number(0, 2)),
    };

    /// <summary>One of the hub team's practitioners, who triage the front door's referrals.</summary>
    public BulkMember PickTriager(Faker faker) => faker.PickRandom(_triagers);

    /// <summary>A practitioner to lead someone's care, more often those with room for more people.</summary>
    public BulkMember PickLead(Faker faker) => faker.Random.WeightedRandom(_practitioners, _leadWeights);

    /// <summary>Another practitioner from a different sector, to work alongside the lead.</summary>
    public BulkMember PickInvolved(Faker faker, BulkMember lead)
    {
        BulkMember other;
        do
        {
            other = faker.PickRandom(_practitioners);
        }
        while (other.Id == lead.Id || (other.Sector == lead.Sector && faker.Random.Bool(0.8f)));
        return other;
    }
}
