using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.Domain.Triage;
using Hub.Infrastructure.Persistence;

namespace Hub.IntegrationTests.Dashboards;

/// <summary>
/// Writes a small hub's history straight into the database at chosen times, so every figure can be
/// worked out by hand. Names, dates of birth and neighbourhoods are invented.
/// </summary>
internal sealed class DashboardWorld(HubDbContext db)
{
    private static readonly Guid Staff = Guid.Parse("0b8f5a4e-3d1c-4c55-9a31-5a1f6e7d2cf1");

    public static DateTimeOffset On(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.Zero);

    public (Person Person, ReferralSpell Spell, Referral Referral) Arrive(string name, string? ethnicity, DateOnly? born, string? gender, string? neighbourhood,
        DateTimeOffset at, ReferralSource source = ReferralSource.Self)
    {
        var person = new Person(name, born, null, new ContactDetails(ContactMethod.Phone, "020 7946 0999", null, true), CommunicationNeeds.None,
            new EqualityMonitoring(ethnicity, gender, null, null), at);
        person.SetNeighbourhood(neighbourhood);
        db.Add(person);
        var (spell, referral) = Return(person, at, source);
        return (person, spell, referral);
    }

    /// <summary>A new spell and referral for someone already known.</summary>
    public (ReferralSpell Spell, Referral Referral) Return(Person person, DateTimeOffset at, ReferralSource source = ReferralSource.Self)
    {
        var spell = new ReferralSpell(person.Id, at);
        var referral = Referral.SelfReferral(ReferralReference.New(), person, spell, at, "Invented words for a test.", null, true, Guid.NewGuid());
        db.AddRange(spell, referral);
        if (source != ReferralSource.Self)
        {
            // Only the self-referral form exists so far; other sources arrive the same way with another source.
            db.Entry(referral).Property(r => r.Source).CurrentValue = source;
        }
        referral.RecordOutcome(TriageOutcome.ConversationBooked, null, Staff, at);
        return (spell, referral);
    }

    public void Contact(Referral referral, DateTimeOffset at, ContactMedium medium, ContactPlace place, bool attended) =>
        db.Add(referral.RecordContact(at, medium, place, attended, attended ? 45 : null, null, Staff, at));

    public void Lead(ReferralSpell spell, Guid memberId, DateTimeOffset at) =>
        db.Add(new CareTeamMember(spell.Id, spell.PersonId, memberId, CareTeamRole.Lead, at));

    private readonly Dictionary<Guid, Conversation> conversations = [];

    /// <summary>An outcome measure taken in the spell's conversation (one per spell is enough for figures).</summary>
    public void Measure(ReferralSpell spell, string measure, bool baseline, DateTimeOffset at, IReadOnlyDictionary<string, int?> ratings)
    {
        if (!conversations.TryGetValue(spell.Id, out var conversation))
        {
            conversations[spell.Id] = conversation = Conversation.StartFirst(spell.PersonId, spell.Id, null, Staff, at);
            db.Add(conversation);
        }
        db.Add(new OutcomeRecord(spell.PersonId, spell.Id, conversation.Id, measure, baseline, at, ratings));
    }

    /// <summary>DIALOG with every life area rated the same.</summary>
    public static IReadOnlyDictionary<string, int?> Dialog(int rating) =>
        BuiltInMeasures.Dialog.Items.ToDictionary(i => i.Code, i => (int?)rating);

    public static IReadOnlyDictionary<string, int?> Goal(int rating) => new Dictionary<string, int?> { ["goal-1"] = rating };
}
