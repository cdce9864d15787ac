using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Contacts;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using Hub.Domain.Outcomes;
using Hub.Domain.People;
using Hub.Domain.Reports;
using Hub.Domain.Referrals;
using Hub.Domain.Space;
using Hub.Domain.Spells;
using Hub.Domain.SupportPlans;
using Hub.Domain.Triage;
using Hub.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Common.Interfaces;

/// <summary>
/// The hub's data as the use cases see it. Handlers query and change it directly; there is no
/// repository layer between (see docs/decisions/001).
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Person> People { get; }
    DbSet<Referral> Referrals { get; }
    DbSet<ReferralSpell> Spells { get; }
    DbSet<CareStart> CareStarts { get; }
    DbSet<PossibleMatch> PossibleMatches { get; }
    DbSet<TriagePickUp> TriagePickUps { get; }
    DbSet<Contact> Contacts { get; }
    DbSet<ContactAttempt> ContactAttempts { get; }
    DbSet<AuditEvent> AuditEvents { get; }
    DbSet<Conversation> Conversations { get; }
    DbSet<ConversationVersion> ConversationVersions { get; }
    DbSet<OutcomeRecord> OutcomeRecords { get; }
    DbSet<Organisation> Organisations { get; }
    DbSet<Team> Teams { get; }
    DbSet<TeamMember> TeamMembers { get; }
    DbSet<StaffInvitation> StaffInvitations { get; }
    DbSet<CommunityOffer> CommunityOffers { get; }
    DbSet<GroupProposal> GroupProposals { get; }
    DbSet<ListingLink> ListingLinks { get; }
    DbSet<CareTeamMember> CareTeamMembers { get; }
    DbSet<Handoff> Handoffs { get; }
    DbSet<NetworkMeeting> NetworkMeetings { get; }
    DbSet<CommunityLink> CommunityLinks { get; }
    DbSet<SupportPlan> SupportPlans { get; }
    DbSet<PlanVersion> PlanVersions { get; }
    DbSet<PlanSuggestion> PlanSuggestions { get; }
    DbSet<PlanAccessLink> PlanAccessLinks { get; }
    DbSet<PersonSession> PersonSessions { get; }
    DbSet<PlanLinkRequest> PlanLinkRequests { get; }
    DbSet<PersonRefusalTally> PersonRefusalTallies { get; }
    DbSet<MoodCheckIn> MoodCheckIns { get; }
    DbSet<SharedNote> SharedNotes { get; }
    DbSet<ReportRun> ReportRuns { get; }
    DbSet<ReportFile> ReportFiles { get; }
    DbSet<SpaceMember> SpaceMembers { get; }
    DbSet<SpaceSignInLink> SpaceSignInLinks { get; }
    DbSet<SpaceSession> SpaceSessions { get; }
    DbSet<SpaceGoal> SpaceGoals { get; }
    DbSet<SpaceGoalRating> SpaceGoalRatings { get; }
    DbSet<SpaceMoodCheckIn> SpaceMoodCheckIns { get; }
    DbSet<SpaceFollow> SpaceFollows { get; }
    DbSet<Volunteer> Volunteers { get; }
    DbSet<SupportRequest> SupportRequests { get; }
    DbSet<SupportMatch> SupportMatches { get; }
    DbSet<Outing> Outings { get; }
    DbSet<SafeguardingConcern> SafeguardingConcerns { get; }
    DbSet<OutingFeedbackLink> OutingFeedbackLinks { get; }

    /// <summary>Saves; audit rows added since the last save are sealed into the chain in the same transaction.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs a change that must be saved in steps as one transaction (a care team's lead moves
    /// before the new lead is inserted, so the one-lead index never sees two). After a transient
    /// database fault the tracked changes are put back as they were and <paramref name="steps"/>
    /// run again, so the steps may only change tracked entities in ways that can be repeated.
    /// </summary>
    Task SaveInOneTransactionAsync(Func<CancellationToken, Task> steps, CancellationToken cancellationToken);

    /// <summary>True when the exception is a unique-key violation (for example a repeated form token).</summary>
    bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>Forgets every tracked change, after a failed save that the caller recovers from.</summary>
    void DiscardChanges();

    /// <summary>
    /// Keeps one database connection for a use case that reads and then writes, until disposed:
    /// otherwise each command takes a connection from the pool and gives it back, and the server
    /// resets the session each time (docs/decisions/051).
    /// </summary>
    Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken);
}
