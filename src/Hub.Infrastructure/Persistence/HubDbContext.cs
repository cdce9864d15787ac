using Hub.Application.Common.Interfaces;
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
using Hub.Domain.Spells;
using Hub.Domain.SupportPlans;
using Hub.Infrastructure.DataProtection;
using Hub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// The hub's database, shared by every provider. Each provider has a derived context
/// (<see cref="Providers"/>) so that it keeps its own migrations.
/// </summary>
public abstract class HubDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IApplicationDbContext
{
    public DbSet<Person> People => Set<Person>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralSpell> Spells => Set<ReferralSpell>();
    public DbSet<CareStart> CareStarts => Set<CareStart>();
    public DbSet<PossibleMatch> PossibleMatches => Set<PossibleMatch>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactAttempt> ContactAttempts => Set<ContactAttempt>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationVersion> ConversationVersions => Set<ConversationVersion>();
    public DbSet<OutcomeRecord> OutcomeRecords => Set<OutcomeRecord>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<CommunityOffer> CommunityOffers => Set<CommunityOffer>();
    public DbSet<CareTeamMember> CareTeamMembers => Set<CareTeamMember>();
    public DbSet<Handoff> Handoffs => Set<Handoff>();
    public DbSet<NetworkMeeting> NetworkMeetings => Set<NetworkMeeting>();
    public DbSet<CommunityLink> CommunityLinks => Set<CommunityLink>();
    public DbSet<SupportPlan> SupportPlans => Set<SupportPlan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PlanSuggestion> PlanSuggestions => Set<PlanSuggestion>();
    public DbSet<PlanAccessLink> PlanAccessLinks => Set<PlanAccessLink>();
    public DbSet<PersonSession> PersonSessions => Set<PersonSession>();
    public DbSet<PlanLinkRequest> PlanLinkRequests => Set<PlanLinkRequest>();
    public DbSet<PersonRefusalTally> PersonRefusalTallies => Set<PersonRefusalTally>();
    public DbSet<MoodCheckIn> MoodCheckIns => Set<MoodCheckIn>();
    public DbSet<SharedNote> SharedNotes => Set<SharedNote>();
    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();
    public DbSet<ReportFile> ReportFiles => Set<ReportFile>();
    public DbSet<Email.OutboxMessage> OutboxMessages => Set<Email.OutboxMessage>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);

        // One first conversation per spell (its ratings are the spell's baseline).
        builder.Entity<Conversation>().HasIndex(c => c.SpellId).IsUnique()
            .HasFilter($"{QuoteIdentifier(nameof(Conversation.Kind))} = {(int)ConversationKind.First}")
            .HasDatabaseName("IX_Conversations_SpellId_FirstOnly");

        // A care team has one current lead, lists each current member once, and a member gets one open offer per spell.
        var leftAt = QuoteIdentifier(nameof(CareTeamMember.LeftAt));
        // Clocks still running, oldest first: the waiting list and the dashboard read only these, however long the history.
        builder.Entity<ReferralSpell>().HasIndex(s => new { s.StartedAt, s.Id })
            .HasFilter($"{QuoteIdentifier(nameof(ReferralSpell.EndedAt))} IS NULL AND {QuoteIdentifier(nameof(ReferralSpell.ClockStoppedAt))} IS NULL")
            .HasDatabaseName("IX_ReferralSpells_Running");
        builder.Entity<CareTeamMember>().HasIndex(m => new { m.SpellId, m.MemberId }).IsUnique()
            .HasFilter($"{leftAt} IS NULL").HasDatabaseName("IX_CareTeamMembers_Current");
        builder.Entity<CareTeamMember>().HasIndex(m => m.SpellId).IsUnique()
            .HasFilter($"{leftAt} IS NULL AND {QuoteIdentifier(nameof(CareTeamMember.Role))} = {(int)CareTeamRole.Lead}").HasDatabaseName("IX_CareTeamMembers_OneLead");
        builder.Entity<Handoff>().HasIndex(h => new { h.SpellId, h.ToMemberId }).IsUnique()
            .HasFilter($"{QuoteIdentifier(nameof(Handoff.Status))} = {(int)HandoffStatus.Pending}").HasDatabaseName("IX_Handoffs_OnePendingPerMember");
    }

    /// <summary>How this provider quotes a column name in raw SQL (index filters).</summary>
    protected virtual string QuoteIdentifier(string name) => $"\"{name}\"";

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) =>
        SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);

    /// <summary>
    /// Saves, sealing any new audit rows into the hash chain inside the same transaction as the
    /// change they describe: both commit, or neither does. On a server database the transaction
    /// runs in the retrying execution strategy (docs/decisions/018): after a transient fault it is
    /// rolled back and run again whole, the rows sealed afresh from the chain's head.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!savingInOrder && CareTeamSaveOrder.Of(ChangeTracker) is { } order)
        {
            return await SaveInOrderAsync(order, cancellationToken);
        }
        await ProcessingRestrictionGuard.EnsureAllowedAsync(this, cancellationToken);
        var unsealed = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (unsealed.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await SealAuditRows(unsealed, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Changes are accepted only once the transaction has committed, so a retry saves them all again.
        var written = await Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using IDbContextTransaction transaction = await Database.BeginTransactionAsync(token);
            await SealAuditRows(unsealed, token);
            var rows = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
            await transaction.CommitAsync(token);
            return rows;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
        return written;
    }

    private bool savingInOrder;

    /// <summary>
    /// One save whose rows a filtered unique index must see in order (<see cref="CareTeamSaveOrder"/>):
    /// its steps run in one transaction, all replayed after a transient fault.
    /// </summary>
    private async Task<int> SaveInOrderAsync(CareTeamSaveOrder order, CancellationToken cancellationToken)
    {
        async Task<int> Steps(CancellationToken token)
        {
            savingInOrder = true;
            try
            {
                return await order.SaveInSteps(this, step => SaveChangesAsync(acceptAllChangesOnSuccess: true, step), token);
            }
            finally
            {
                savingInOrder = false;
            }
        }

        if (Database.CurrentTransaction is not null)
        {
            return await Steps(cancellationToken);
        }
        var rows = 0;
        await SaveInOneTransactionAsync(async token => rows = await Steps(token), cancellationToken);
        return rows;
    }

    private async Task SealAuditRows(List<AuditEvent> unsealed, CancellationToken cancellationToken)
    {
        // Taking the write lock first: a no-op update that blocks other chain writers until we commit.
        await AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), cancellationToken);
        var head = await AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);

        var (sequence, hash) = (head.LastSequence, head.LastHash);
        foreach (var row in unsealed)
        {
            row.Seal(sequence, hash);
            (sequence, hash) = (row.Sequence, row.Hash);
        }

        await AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, hash), cancellationToken);
    }

    /// <summary>
    /// Runs several saves as one transaction, inside the execution strategy. Before a retry the
    /// transaction has been rolled back, so every tracked entity is put back as it was before the
    /// first try (state and original values) and <paramref name="steps"/> run again from there.
    /// </summary>
    public async Task SaveInOneTransactionAsync(Func<CancellationToken, Task> steps, CancellationToken cancellationToken)
    {
        var before = ChangeTracker.Entries().Select(e => (Entry: e, e.State, Original: e.OriginalValues.Clone())).ToList();
        var attempts = 0;
        await Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (attempts++ > 0)
            {
                PutBack(before);
            }
            await using var transaction = await Database.BeginTransactionAsync(token);
            await steps(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    private void PutBack(List<(EntityEntry Entry, EntityState State, PropertyValues Original)> before)
    {
        // Anything first tracked by the failed try is forgotten; the steps add it again.
        var known = before.Select(b => b.Entry.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries().Where(e => !known.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
        foreach (var (first, state, original) in before)
        {
            // The entity's entry now: a step may have detached it and tracked it again (CareTeamSaveOrder).
            var entry = Entry(first.Entity);
            entry.State = state;
            if (state != EntityState.Added)
            {
                // What the database still holds after the rollback, concurrency tokens included.
                entry.OriginalValues.SetValues(original);
            }
        }
        // An entity the failed try changed and saved now differs from its original values again.
        ChangeTracker.DetectChanges();
    }

    public abstract bool IsUniqueViolation(DbUpdateException exception);

    public void DiscardChanges() => ChangeTracker.Clear();
}
