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
using Hub.Domain.Space;
using Hub.Domain.Spells;
using Hub.Domain.SupportPlans;
using Hub.Domain.Triage;
using Hub.Domain.Volunteering;
using Hub.Infrastructure.DataProtection;
using Hub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    public DbSet<TriagePickUp> TriagePickUps => Set<TriagePickUp>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactAttempt> ContactAttempts => Set<ContactAttempt>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationVersion> ConversationVersions => Set<ConversationVersion>();
    public DbSet<OutcomeRecord> OutcomeRecords => Set<OutcomeRecord>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();
    public DbSet<CommunityOffer> CommunityOffers => Set<CommunityOffer>();
    public DbSet<GroupProposal> GroupProposals => Set<GroupProposal>();
    public DbSet<ListingLink> ListingLinks => Set<ListingLink>();
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
    public DbSet<SpaceMember> SpaceMembers => Set<SpaceMember>();
    public DbSet<SpaceSignInLink> SpaceSignInLinks => Set<SpaceSignInLink>();
    public DbSet<SpaceSession> SpaceSessions => Set<SpaceSession>();
    public DbSet<SpaceGoal> SpaceGoals => Set<SpaceGoal>();
    public DbSet<SpaceGoalRating> SpaceGoalRatings => Set<SpaceGoalRating>();
    public DbSet<SpaceMoodCheckIn> SpaceMoodCheckIns => Set<SpaceMoodCheckIn>();
    public DbSet<SpaceFollow> SpaceFollows => Set<SpaceFollow>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();
    public DbSet<SupportMatch> SupportMatches => Set<SupportMatch>();
    public DbSet<Outing> Outings => Set<Outing>();
    public DbSet<SafeguardingConcern> SafeguardingConcerns => Set<SafeguardingConcern>();
    public DbSet<OutingFeedbackLink> OutingFeedbackLinks => Set<OutingFeedbackLink>();
    public DbSet<Email.OutboxMessage> OutboxMessages => Set<Email.OutboxMessage>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<DirectoryVersion> DirectoryVersions => Set<DirectoryVersion>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);

        // One first conversation per spell (its ratings are the spell's baseline).
        builder.Entity<Conversation>().HasIndex(c => c.SpellId).IsUnique()
            .HasFilter($"{QuoteIdentifier(nameof(Conversation.Kind))} = {(int)ConversationKind.First}")
            .HasDatabaseName("IX_Conversations_SpellId_FirstOnly");

        // A care team has one current lead, lists each current member once, a member gets one open offer per spell, and the lead is offered once at a time.
        var leftAt = QuoteIdentifier(nameof(CareTeamMember.LeftAt));
        // Clocks still running, oldest first: the waiting list and the dashboard read only these, however long the history.
        builder.Entity<ReferralSpell>().HasIndex(s => new { s.StartedAt, s.Id })
            .HasFilter($"{QuoteIdentifier(nameof(ReferralSpell.EndedAt))} IS NULL AND {QuoteIdentifier(nameof(ReferralSpell.ClockStoppedAt))} IS NULL")
            .HasDatabaseName("IX_ReferralSpells_Running");
        builder.Entity<CareTeamMember>().HasIndex(m => new { m.SpellId, m.MemberId }).IsUnique()
            .HasFilter($"{leftAt} IS NULL").HasDatabaseName("IX_CareTeamMembers_Current");
        builder.Entity<CareTeamMember>().HasIndex(m => m.SpellId).IsUnique()
            .HasFilter($"{leftAt} IS NULL AND {QuoteIdentifier(nameof(CareTeamMember.Role))} = {(int)CareTeamRole.Lead}").HasDatabaseName("IX_CareTeamMembers_OneLead");
        // The audit chain: each position once; the sealer reads the unsealed rows oldest first.
        var sequence = QuoteIdentifier(nameof(AuditEvent.Sequence));
        builder.Entity<AuditEvent>().HasIndex(e => e.Sequence).IsUnique()
            .HasFilter($"{sequence} IS NOT NULL").HasDatabaseName("IX_AuditEvents_Sequence");
        builder.Entity<AuditEvent>().HasIndex(e => new { e.At, e.Id })
            .HasFilter($"{sequence} IS NULL").HasDatabaseName("IX_AuditEvents_Unsealed");
        builder.Entity<Handoff>().HasIndex(h => new { h.SpellId, h.ToMemberId }).IsUnique()
            .HasFilter($"{QuoteIdentifier(nameof(Handoff.Status))} = {(int)HandoffStatus.Pending}").HasDatabaseName("IX_Handoffs_OnePendingPerMember");
        // One open offer of the lead per spell: two people offering the lead to two colleagues at once cannot both succeed.
        builder.Entity<Handoff>().HasIndex(h => h.SpellId, "IX_Handoffs_OneOpenLead").IsUnique()
            .HasFilter($"{QuoteIdentifier(nameof(Handoff.Status))} = {(int)HandoffStatus.Pending} AND {QuoteIdentifier(nameof(Handoff.Role))} = {(int)CareTeamRole.Lead}");
        // A support request is matched to one volunteer at a time, whatever two coordinators do at once.
        builder.Entity<SupportMatch>().HasIndex(m => m.RequestId).IsUnique()
            .HasFilter($"{QuoteIdentifier(nameof(SupportMatch.EndedAt))} IS NULL").HasDatabaseName("IX_SupportMatches_OneCurrent");
        // The public directory reads listed offers only (DirectoryConfiguration, docs/decisions/043).
        var listed = IsTrue(QuoteIdentifier(nameof(CommunityOffer.Active)));
        foreach (var name in new[] { "IX_CommunityOffers_Listed_Area_IsFree_Name_Id", "IX_CommunityOffers_Listed_Area_Neighbourhood", "IX_CommunityOffers_Listed_IsFree_Name_Id" })
        {
            builder.Entity<CommunityOffer>().Metadata.GetIndexes().Single(i => i.GetDatabaseName() == name).SetFilter(listed);
        }
    }

    /// <summary>How this provider quotes a column name in raw SQL (index filters).</summary>
    protected virtual string QuoteIdentifier(string name) => $"\"{name}\"";

    /// <summary>A boolean column as a condition in raw SQL (index filters): PostgreSQL and SQLite take the column alone.</summary>
    protected virtual string IsTrue(string column) => column;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) =>
        SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);

    /// <summary>
    /// Saves. New audit rows are stamped (writer, number, keyed MAC) and inserted unsealed with the
    /// change they describe, in the same transaction; the sealer chains them later
    /// (docs/decisions/032), so no save waits on the chain. On PostgreSQL a small save goes as one
    /// batch with no BEGIN or COMMIT of its own: the server runs a batch ended by one Sync as one
    /// implicit transaction, so it is one round trip and still all or nothing. A save that fails and
    /// rolls back gives its audit numbers back to the writer.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here. Every scan below (and EF's own save) would otherwise detect
        // them again: nine passes over every tracked entity per save (docs/decisions/044). What the
        // scans change themselves (the audit stamp) is on rows being added, whose values EF reads as
        // it writes them.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (!savingInOrder && CareTeamSaveOrder.Of(ChangeTracker) is { } order)
        {
            return await SaveInOrderAsync(order, cancellationToken);
        }
        try
        {
            await ProcessingRestrictionGuard.EnsureAllowedAsync(this, cancellationToken);
            NoteDirectoryChanges();
            var stamped = StampNewAuditRows();
            var outermost = Database.CurrentTransaction is null;
            try
            {
                var oneBatch = outermost && BatchesAreAtomic && IsSmallInsertOnlySave();
                return oneBatch ? await SaveAsOneBatchAsync(acceptAllChangesOnSuccess, cancellationToken)
                    : _withTheInserts.Count > 0 ? await SaveThenRunWithTheInsertsAsync(acceptAllChangesOnSuccess, cancellationToken)
                    : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch when (outermost && stamped.Count > 0)
            {
                GiveBack(stamped);
                throw;
            }
        }
        finally
        {
            // Given for this save only: a retry after a failure gives its own again.
            _withTheInserts.Clear();
        }
    }

    /// <summary>Statements the next save runs after its direct inserts, in the same command (docs/decisions/052).</summary>
    private readonly List<WithTheInserts> _withTheInserts = [];

    /// <summary>
    /// Whether <see cref="RunWithTheInserts"/> can be used: the provider runs a batch as one implicit
    /// transaction and the direct writer writes every type it knows (PostgreSQL unless turned off).
    /// </summary>
    internal bool CanRunWithTheInserts => BatchesAreAtomic && DirectInsertsEnabled && DirectWriter is { Refused.Count: 0 };

    /// <summary>
    /// Runs <paramref name="statement"/> after the next save's direct inserts, in their command and so
    /// in their implicit transaction: it sees their rows, and fails or succeeds with them. A save the
    /// direct writer does not write (inside a transaction, with changes or types it leaves to EF) runs
    /// it after EF's save instead, in the same transaction: the same rows, one more round trip.
    /// </summary>
    internal void RunWithTheInserts(WithTheInserts statement)
    {
        if (!CanRunWithTheInserts)
        {
            throw new InvalidOperationException("This database cannot run a statement with the direct inserts (check CanRunWithTheInserts first).");
        }
        _withTheInserts.Add(statement);
    }

    /// <summary>
    /// A save that adds, changes or removes a community offer gives the directory a new version in the
    /// same transaction, so a total remembered for the old version is never read again once the change
    /// is visible (docs/decisions/050). Every field of an offer counts, as the directory's filters read
    /// most of them and a stale total is worse than a recount. The version becomes an update, so such a
    /// save never takes the small insert-only path.
    /// </summary>
    private void NoteDirectoryChanges()
    {
        foreach (var offer in ChangeTracker.Entries<CommunityOffer>())
        {
            if (offer.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                NewDirectoryVersion();
                return;
            }
        }
    }

    /// <summary>
    /// A new version, written without reading the old one. Changes were detected before this runs and
    /// are not detected again, so the value is marked modified by hand.
    /// </summary>
    private void NewDirectoryVersion()
    {
        DirectoryVersion? version = null;
        foreach (var tracked in ChangeTracker.Entries<DirectoryVersion>())
        {
            version = tracked.Entity;
        }
        if (version is null)
        {
            version = new DirectoryVersion();
            DirectoryVersions.Attach(version);
        }
        version.Value = Guid.NewGuid();
        Entry(version).Property(v => v.Value).IsModified = true;
    }

    /// <summary>
    /// Only inserts, and few: an insert that fails is an error, which ends the batch's implicit
    /// transaction. An update or delete is not: EF finds a lost race by the rows it affected, after
    /// the batch, and needs a transaction it can still roll back.
    /// </summary>
    private bool IsSmallInsertOnlySave()
    {
        var changed = 0;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                return false;
            }
            if (entry.State == EntityState.Added && ++changed > OneBatchLimit)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>One batch, no BEGIN or COMMIT; EF skips its execution strategy without a transaction of its own, so it is applied here.</summary>
    private async Task<int> SaveAsOneBatchAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var before = Database.AutoTransactionBehavior;
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        int written;
        try
        {
            // Changes are accepted only after success, so a retry saves them all again.
            written = DirectInsertsEnabled && BuildDirectInserts() is { } direct
                ? await InsertDirectlyAsync(direct, cancellationToken)
                : _withTheInserts.Count > 0
                ? await SaveThenRunWithTheInsertsAsync(acceptAllChangesOnSuccess: false, cancellationToken)
                : await Database.CreateExecutionStrategy().ExecuteAsync(
                    token => base.SaveChangesAsync(acceptAllChangesOnSuccess: false, token), cancellationToken);
        }
        finally
        {
            Database.AutoTransactionBehavior = before;
        }
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
        return written;
    }

    /// <summary>
    /// Whether a small insert-only save of the send's row types may bypass EF's update pipeline
    /// (docs/decisions/047); on by default where batches are atomic. Set from
    /// <c>Database:DirectInserts</c>; the drift test turns it off to write through EF for comparison.
    /// </summary>
    private bool DirectInsertsEnabled =>
        _directInsertsEnabled ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService(typeof(DirectInsertSettings)) is not DirectInsertSettings { Enabled: false };

    private bool? _directInsertsEnabled;

    /// <summary>A command that only makes parameters for the direct inserts, of the provider's own type; null where the provider has no direct writer.</summary>
    protected virtual System.Data.Common.DbCommand? NewParameterFactory() => null;

    private DirectInserts? _directWriter;
    private bool _directWriterLooked;

    /// <summary>The direct writer for this model (one per model, made once), or null where the provider has none.</summary>
    public DirectInserts? DirectWriter
    {
        get
        {
            if (!_directWriterLooked)
            {
                _directWriter = NewParameterFactory() is { } factory ? DirectInserts.For(this, factory) : null;
                _directWriterLooked = true;
            }
            return _directWriter;
        }
    }

    private (string Sql, System.Data.Common.DbParameter[] Parameters, List<EntityEntry> Added)? BuildDirectInserts()
    {
        if (DirectWriter is not { } writer)
        {
            return null;
        }
        var added = new List<EntityEntry>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                added.Add(entry);
            }
        }
        if (added.Count == 0 || writer.Build(added) is not { } built)
        {
            return null;
        }
        if (_withTheInserts.Count == 0)
        {
            return (built.Sql, built.Parameters, added);
        }
        var sql = new System.Text.StringBuilder(built.Sql);
        var parameters = new List<System.Data.Common.DbParameter>(built.Parameters);
        foreach (var statement in _withTheInserts)
        {
            sql.Append(statement.Sql).Append(";\n");
            parameters.AddRange(statement.Parameters);
        }
        return (sql.ToString(), parameters.ToArray(), added);
    }

    /// <summary>
    /// The rows as one command: the server runs its statements as one implicit transaction. Run
    /// through EF's raw SQL path, so its logging and command interceptors see it, inside the
    /// execution strategy; a database error reaches the caller as EF's save would give it.
    /// </summary>
    private async Task<int> InsertDirectlyAsync((string Sql, System.Data.Common.DbParameter[] Parameters, List<EntityEntry> Added) direct, CancellationToken cancellationToken)
    {
        try
        {
            var written = await Database.CreateExecutionStrategy().ExecuteAsync(
                direct, static (context, state, token) => context.Database.ExecuteSqlRawAsync(state.Sql, state.Parameters, token),
                verifySucceeded: null, cancellationToken);
            // The statements run with the inserts may write up to their stated number of rows each.
            var most = direct.Added.Count;
            foreach (var statement in _withTheInserts)
            {
                most += statement.MostRows;
            }
            if (written < direct.Added.Count || written > most)
            {
                throw new DbUpdateException($"Expected {direct.Added.Count} to {most} rows written, the database reported {written}.", (Exception?)null, direct.Added);
            }
            return direct.Added.Count;
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", ex, direct.Added);
        }
    }

    /// <summary>
    /// EF's save, then the statements given to run with the inserts, in one transaction: the caller's
    /// if there is one, otherwise one of its own inside the execution strategy (retried whole).
    /// </summary>
    private async Task<int> SaveThenRunWithTheInsertsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await RunWithTheInsertsAfterAsync(cancellationToken);
            return saved;
        }
        var written = await Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await Database.BeginTransactionAsync(token);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
            await RunWithTheInsertsAfterAsync(token);
            await transaction.CommitAsync(token);
            return saved;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
        return written;
    }

    private async Task RunWithTheInsertsAfterAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in _withTheInserts)
        {
            var written = await Database.ExecuteSqlRawAsync(statement.Sql, statement.Parameters, cancellationToken);
            if (written > statement.MostRows)
            {
                throw new DbUpdateException($"Expected at most {statement.MostRows} rows written, the database reported {written}.", (Exception?)null);
            }
        }
    }

    /// <summary>Changes saved as one batch without an explicit transaction; well under the provider's batch size, so EF never splits it.</summary>
    private const int OneBatchLimit = 100;

    /// <summary>Whether this provider runs a batch of statements as one implicit transaction (PostgreSQL).</summary>
    protected virtual bool BatchesAreAtomic => false;

    private AuditKey? _auditKey;

    /// <summary>
    /// The audit key from the application's services (see <see cref="AuditKeys"/>). A context made
    /// by hand, outside any host (design-time tools, tests), has only the development key: rows it
    /// writes fail verification against a real key, which shows rather than hides them.
    /// </summary>
    internal AuditKey AuditKey => _auditKey ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(AuditKey)) as AuditKey
        ?? AuditKeys.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

    private readonly List<AuditEvent> _stampedInTransaction = [];

    private AuditWriter? _writer;

    private AuditWriter Writer => _writer ??= AuditWriter.For(Database.GetConnectionString() ?? string.Empty);

    private List<AuditEvent> StampNewAuditRows()
    {
        List<AuditEvent> stamped = [];
        foreach (var entry in ChangeTracker.Entries<AuditEvent>())
        {
            if (entry.State == EntityState.Added && !entry.Entity.IsStamped)
            {
                entry.Entity.Stamp(Writer.Id, Writer.Take(), AuditKey);
                stamped.Add(entry.Entity);
            }
        }
        if (Database.CurrentTransaction is not null)
        {
            _stampedInTransaction.AddRange(stamped);
        }
        return stamped;
    }

    /// <summary>The rows were rolled back: their numbers go to the next rows saved, and they are stamped afresh if saved again.</summary>
    private void GiveBack(IEnumerable<AuditEvent> rows)
    {
        foreach (var row in rows.Where(r => r.IsStamped && !r.IsSealed))
        {
            Writer.GiveBack(row.WriterNumber!.Value);
            row.ClearStamp();
        }
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

    /// <summary>
    /// Runs several saves as one transaction, inside the execution strategy. Before a retry the
    /// transaction has been rolled back, so every tracked entity is put back as it was before the
    /// first try (state and original values) and <paramref name="steps"/> run again from there.
    /// </summary>
    public async Task SaveInOneTransactionAsync(Func<CancellationToken, Task> steps, CancellationToken cancellationToken)
    {
        var before = ChangeTracker.Entries().Select(e => (Entry: e, e.State, Original: e.OriginalValues.Clone())).ToList();
        var attempts = 0;
        // Only rows stamped in this transaction are given back on a retry: none left from an earlier
        // request's own transaction (a pooled context serves many requests, docs/decisions/036).
        _stampedInTransaction.Clear();
        try
        {
            await Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                if (attempts++ > 0)
                {
                    GiveBack(_stampedInTransaction);
                    _stampedInTransaction.Clear();
                    PutBack(before);
                }
                await using var transaction = await Database.BeginTransactionAsync(token);
                await steps(token);
                await transaction.CommitAsync(token);
            }, cancellationToken);
        }
        catch
        {
            GiveBack(_stampedInTransaction); // rolled back for good
            throw;
        }
        finally
        {
            _stampedInTransaction.Clear();
        }
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

    public void DiscardChanges()
    {
        ChangeTracker.Clear();
        _withTheInserts.Clear();
    }

    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        return new HeldConnection(this);
    }

    /// <summary>Gives the connection back (EF closes it only when every open has been matched by a close).</summary>
    private sealed class HeldConnection(HubDbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(db.Database.CloseConnectionAsync());
    }
}

/// <summary>
/// A statement run after a save's direct inserts, in their command (see <see cref="HubDbContext.RunWithTheInserts"/>).
/// Its parameter names must differ from the inserts' (<c>@p0</c>, <c>@p1</c>, ...).
/// </summary>
/// <param name="MostRows">The most rows it may write; the save fails if the command reports more than the inserts and these together.</param>
internal sealed record WithTheInserts(string Sql, System.Data.Common.DbParameter[] Parameters, int MostRows);
