using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.Domain.SupportPlans;

namespace Hub.Infrastructure.Seeding.Bulk;

/// <summary>The new rows of one batch of referrals, by entity type, parents before children.</summary>
internal sealed class BulkBatch
{
    public List<Person> People { get; } = [];
    public List<ReferralSpell> Spells { get; } = [];
    public List<Referral> Referrals { get; } = [];
    public List<ContactAttempt> Attempts { get; } = [];
    public List<Contact> Contacts { get; } = [];
    public List<Conversation> Conversations { get; } = [];
    public List<ConversationVersion> ConversationVersions { get; } = [];
    public List<OutcomeRecord> Outcomes { get; } = [];
    public List<SupportPlan> Plans { get; } = [];
    public List<PlanVersion> PlanVersions { get; } = [];
    public List<CareTeamMember> CareTeam { get; } = [];

    /// <summary>Every list in an order that satisfies the foreign keys when written one after another.</summary>
    public IReadOnlyList<(Type EntityType, IReadOnlyList<object> Rows)> InWriteOrder() =>
    [
        (typeof(Person), People),
        (typeof(ReferralSpell), Spells),
        (typeof(Referral), Referrals),
        (typeof(ContactAttempt), Attempts),
        (typeof(Contact), Contacts),
        (typeof(Conversation), Conversations),
        (typeof(ConversationVersion), ConversationVersions),
        (typeof(OutcomeRecord), Outcomes),
        (typeof(SupportPlan), Plans),
        (typeof(PlanVersion), PlanVersions),
        (typeof(CareTeamMember), CareTeam),
    ];
}
