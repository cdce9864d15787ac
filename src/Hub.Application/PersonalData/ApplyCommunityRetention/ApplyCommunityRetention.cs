using Hub.Application.Common.Interfaces;
using Hub.Application.Space;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Application.Volunteering.Coordination;
using Hub.Domain.Audit;
using Hub.Domain.Space;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.PersonalData.ApplyCommunityRetention;

/// <summary>
/// Retention for Connect and Do's community records (docs/decisions/042), run by the nightly retention
/// job after the hub's own. Closed requests for someone to come along are erased
/// <see cref="RetentionSettings.ClosedRequestMonths"/> after closing (who asked, what they and the
/// volunteer wrote, how to reach them, and the messages to them about it), keeping the dates and
/// outcomes the volunteering figures count; volunteers no longer approved are deleted, or erased where
/// past matches point to them, and their sign-in account removed; community spaces nobody has signed
/// in to for <see cref="RetentionSettings.SpaceMonthsWithoutSignIn"/> are destroyed whole; spent links,
/// finished sessions and the messages that carried space links go after <see cref="RetentionSettings.SpentLinkDays"/>.
/// A request or volunteer named in a safeguarding concern is held (hazard H46). Safeguarding concerns
/// acted on go first, <see cref="RetentionSettings.SafeguardingConcernYears"/> after they were acted on,
/// when the organisation has set that period (docs/decisions/054); what they held then goes on its own
/// period. Every concern, request, volunteer and space that goes writes one audit row with ids only.
/// Safe to run again.
/// </summary>
public sealed record ApplyCommunityRetention : IRequest<CommunityRetentionResult>;

/// <param name="RequestsErased">Closed requests erased in this run.</param>
/// <param name="RequestsHeld">Closed requests past their period kept because a safeguarding concern names them or their volunteer.</param>
/// <param name="VolunteersGone">Volunteers deleted or erased in this run.</param>
/// <param name="VolunteersHeld">Volunteers past their period kept because a concern about them is open.</param>
/// <param name="SpacesDestroyed">Community spaces destroyed in this run.</param>
/// <param name="SpentRowsDeleted">Spent links, finished sessions and sent sign-in messages deleted.</param>
/// <param name="ConcernsDestroyed">Safeguarding concerns destroyed in this run; null when no period is set and every concern is kept.</param>
public sealed record CommunityRetentionResult(int RequestsErased, int RequestsHeld, int VolunteersGone, int VolunteersHeld, int SpacesDestroyed, int SpentRowsDeleted,
    int? ConcernsDestroyed);

public sealed class ApplyCommunityRetentionHandler(IApplicationDbContext db, IEmailOutbox outbox, IVolunteerAccounts accounts, RetentionSettings settings, TimeProvider clock)
    : IRequestHandler<ApplyCommunityRetention, CommunityRetentionResult>
{
    public const string ActorRole = "System";
    public const string RequestScreen = "Retention: come-along request erased after its retention period";
    public const string VolunteerScreen = "Retention: volunteer erased after their retention period";
    public const string SpaceScreen = "Retention: community space destroyed after its retention period";
    public const string ConcernScreen = "Retention: safeguarding concern destroyed after the period the safeguarding policy sets";

    /// <summary>The messages about a come-along request, to the person who asked.</summary>
    public static readonly IReadOnlyList<string> RequestPurposes = [ComeAlongMessages.ConfirmPurpose, ComeAlongMessages.HowItWentPurpose];

    public async Task<CommunityRetentionResult> Handle(ApplyCommunityRetention request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // First, so a request or volunteer held only by a concern that goes now is judged on its own period in this run.
        int? concerns = settings.SafeguardingConcernYears is { } years ? await DestroyConcernsAsync(now.AddYears(-years), now, cancellationToken) : null;
        var (erased, held) = await EraseRequestsAsync(now, cancellationToken);
        var (volunteersGone, volunteersHeld) = await EraseVolunteersAsync(now, cancellationToken);
        var spaces = await DestroySpacesAsync(now, cancellationToken);
        var spent = await DeleteSpentAsync(now, cancellationToken);
        return new CommunityRetentionResult(erased, held, volunteersGone, volunteersHeld, spaces, spent, concerns);
    }

    /// <summary>
    /// Concerns acted on before <paramref name="actedOnBefore"/>, deleted whole (what happened, what was
    /// done, who raised and who acted), each with a Destroyed audit row of its id. Never one still open.
    /// </summary>
    private async Task<int> DestroyConcernsAsync(DateTimeOffset actedOnBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var destroyed = 0;
        while (true)
        {
            var batch = await db.SafeguardingConcerns.Where(c => c.ActedOnAt != null && c.ActedOnAt < actedOnBefore).OrderBy(c => c.Id)
                .Take(settings.BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return destroyed;
            }
            foreach (var concern in batch)
            {
                db.SafeguardingConcerns.Remove(concern);
                db.AuditEvents.Add(new AuditEvent(now, null, ActorRole, null, nameof(SafeguardingConcern), concern.Id, AuditAction.Destroyed, ConcernScreen));
            }
            await db.SaveChangesAsync(cancellationToken); // one transaction: the concerns and their audit rows
            destroyed += batch.Count;
        }
    }

    /// <summary>Concerns hold a request while any concern names it, or an open concern names a volunteer matched to it.</summary>
    private IQueryable<SupportRequest> RequestsDue(DateTimeOffset cutoff) =>
        db.SupportRequests.Where(r => r.Status == SupportRequestStatus.Closed && r.ClosedAt < cutoff && r.ErasedAt == null);

    private IQueryable<SupportRequest> Held(IQueryable<SupportRequest> requests) =>
        requests.Where(r => db.SafeguardingConcerns.Any(c => c.RequestId == r.Id)
            || db.SafeguardingConcerns.Any(c => c.ActedOnAt == null && r.Matches.Any(m => m.VolunteerId == c.VolunteerId)));

    private async Task<(int Erased, int Held)> EraseRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = RequestsDue(now.AddMonths(-settings.ClosedRequestMonths));
        var held = Held(due);
        var erased = 0;
        while (true)
        {
            var batch = await due.Where(r => !held.Any(h => h.Id == r.Id)).OrderBy(r => r.Id).Include(r => r.Outings)
                .Take(settings.BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            var addresses = batch.SelectMany(r => new[] { r.Contact.Email, r.Contact.Mobile }).OfType<string>().ToList();
            var outings = batch.SelectMany(r => r.Outings).Select(o => o.Id).ToList();
            foreach (var supportRequest in batch)
            {
                supportRequest.Erase(now);
                db.AuditEvents.Add(new AuditEvent(now, null, ActorRole, null, nameof(SupportRequest), supportRequest.Id, AuditAction.Destroyed, RequestScreen));
            }
            await db.SaveInOneTransactionAsync(async token =>
            {
                await db.OutingFeedbackLinks.Where(l => outings.Contains(l.OutingId)).ExecuteDeleteAsync(token);
                await outbox.Forget(addresses, RequestPurposes, token);
                await db.SaveChangesAsync(token);
            }, cancellationToken);
            erased += batch.Count;
        }
        return (erased, await held.CountAsync(cancellationToken));
    }

    private async Task<(int Gone, int Held)> EraseVolunteersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Few rows (a borough's volunteers): the last change of each is worked out here, not in SQL.
        var candidates = await db.Volunteers.Where(v => v.Status != VolunteerStatus.Active && v.ErasedAt == null)
            .Select(v => new
            {
                v.Id,
                v.RegisteredAt,
                v.StatusChangedAt,
                v.ChecksRecordedAt,
                v.InvitedAt,
                Matched = db.SupportMatches.Any(m => m.VolunteerId == v.Id),
                Referenced = db.SupportMatches.Any(m => m.VolunteerId == v.Id) || db.Outings.Any(o => o.VolunteerId == v.Id) || db.SafeguardingConcerns.Any(c => c.VolunteerId == v.Id),
                OpenConcern = db.SafeguardingConcerns.Any(c => c.VolunteerId == v.Id && c.ActedOnAt == null),
            })
            .ToListAsync(cancellationToken);
        var due = candidates.Where(v =>
        {
            var last = new[] { v.RegisteredAt, v.StatusChangedAt ?? v.RegisteredAt, v.ChecksRecordedAt ?? v.RegisteredAt, v.InvitedAt ?? v.RegisteredAt }.Max();
            return last < (v.Matched ? now.AddYears(-settings.MatchedVolunteerYears) : now.AddMonths(-settings.UnmatchedVolunteerMonths));
        }).ToList();
        var gone = 0;
        foreach (var chunk in due.Where(v => !v.OpenConcern).Chunk(settings.BatchSize))
        {
            var ids = chunk.Select(v => v.Id).ToList();
            var volunteers = await db.Volunteers.Where(v => ids.Contains(v.Id)).ToListAsync(cancellationToken);
            // The account first, in its own save: a run that stops after it finds the volunteer again and finishes.
            foreach (var userId in volunteers.Select(v => v.UserId).OfType<Guid>())
            {
                await accounts.RemoveAccountAsync(userId, cancellationToken);
            }
            var emails = volunteers.SelectMany(v => new[] { v.Email, v.Mobile }).OfType<string>().ToList();
            var referenced = chunk.Where(v => v.Referenced).Select(v => v.Id).ToHashSet();
            foreach (var volunteer in volunteers)
            {
                if (referenced.Contains(volunteer.Id))
                {
                    volunteer.Erase(now); // past matches and outings keep pointing at the id; nothing says who it was
                }
                else
                {
                    db.Volunteers.Remove(volunteer);
                }
                db.AuditEvents.Add(new AuditEvent(now, null, ActorRole, null, nameof(Volunteer), volunteer.Id, AuditAction.Destroyed, VolunteerScreen));
            }
            await db.SaveInOneTransactionAsync(async token =>
            {
                await outbox.Forget(emails, [InviteVolunteerHandler.Purpose], token);
                await db.SaveChangesAsync(token);
            }, cancellationToken);
            gone += volunteers.Count;
        }
        return (gone, due.Count(v => v.OpenConcern));
    }

    private async Task<int> DestroySpacesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddMonths(-settings.SpaceMonthsWithoutSignIn);
        var destroyed = 0;
        while (true)
        {
            var batch = await db.SpaceMembers.Where(m => m.LastSignedInAt < cutoff).OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.AddressKey, m.ConnectedPersonId }).Take(settings.BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            var members = batch.Select(m => m.Id).ToList();
            var keys = batch.Select(m => m.AddressKey).ToList();
            foreach (var member in batch)
            {
                db.AuditEvents.Add(new AuditEvent(now, null, ActorRole, member.ConnectedPersonId, nameof(SpaceMember), member.Id, AuditAction.Destroyed, SpaceScreen));
            }
            await db.SaveInOneTransactionAsync(async token =>
            {
                // Children before parents: every foreign key here restricts deletes.
                await db.SpaceSessions.Where(s => members.Contains(s.MemberId)).ExecuteDeleteAsync(token);
                await db.SpaceSessions.Where(s => db.SpaceSignInLinks.Any(l => l.Id == s.LinkId && keys.Contains(l.AddressKey))).ExecuteDeleteAsync(token);
                await db.SpaceSignInLinks.Where(l => keys.Contains(l.AddressKey)).ExecuteDeleteAsync(token);
                await db.SpaceGoalRatings.Where(r => members.Contains(r.MemberId)).ExecuteDeleteAsync(token);
                await db.SpaceGoals.Where(g => members.Contains(g.MemberId)).ExecuteDeleteAsync(token);
                await db.SpaceMoodCheckIns.Where(m => members.Contains(m.MemberId)).ExecuteDeleteAsync(token);
                await db.SpaceFollows.Where(f => members.Contains(f.MemberId)).ExecuteDeleteAsync(token);
                await db.SpaceMembers.Where(m => members.Contains(m.Id)).ExecuteDeleteAsync(token);
                await db.SaveChangesAsync(token);
            }, cancellationToken);
            destroyed += batch.Count;
        }
        return destroyed;
    }

    private async Task<int> DeleteSpentAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Well past every limit that counts them (an hour for asking, eight hours for a session).
        var before = now.AddDays(-settings.SpentLinkDays);
        var deleted = 0;
        await db.SaveInOneTransactionAsync(async token =>
        {
            deleted = await db.SpaceSessions.Where(s => s.StartedAt < before).ExecuteDeleteAsync(token);
            deleted += await db.SpaceSignInLinks.Where(l => l.ExpiresAt < before && !db.SpaceSessions.Any(s => s.LinkId == l.Id)).ExecuteDeleteAsync(token);
            deleted += await db.OutingFeedbackLinks.Where(l => l.ExpiresAt < before || l.UsedAt < before).ExecuteDeleteAsync(token);
            // A space-link message holds the address it went to, which the hub keeps nowhere else (only its keyed hash).
            deleted += await outbox.ForgetSettled([SpaceLinkMessage.Purpose], before, token);
        }, cancellationToken);
        return deleted;
    }
}
