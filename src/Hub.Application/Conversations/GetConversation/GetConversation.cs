using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Outcomes;
using Hub.Domain.Audit;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Conversations.GetConversation;

/// <summary>A conversation as it stands, its versions, its scores and (for a review) the change since baseline. Audited.</summary>
public sealed record GetConversation(Guid ConversationId) : IRequest<ConversationView>, IConversationScoped;

public sealed record ConversationView(
    Guid ConversationId,
    Guid PersonId,
    string? PersonName,
    Guid? ReferralId,
    string? ReferralReference,
    ConversationKind Kind,
    ConversationStatus Status,
    ConversationContent Content,
    Guid Token,
    int VersionNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    IReadOnlyList<VersionRow> Versions,
    IReadOnlyList<ScaleScore> Scores,
    ConversationContent? BaselineContent,
    IReadOnlyList<MeasureComparison> Changes,
    SpellClock Clock);

public sealed record VersionRow(int Number, DateTimeOffset SavedAt, string SavedBy);

public sealed record ScaleScore(string Measure, string Scale, decimal? Score);

public sealed record SpellClock(DateTimeOffset StartedAt, DateTimeOffset? AssessedAt, DateTimeOffset? BaselineMeasuredAt, DateTimeOffset? ClockStoppedAt);

public sealed class GetConversationHandler(IApplicationDbContext db, IStaffDirectory staff, IMeasureRegistry measures, AuditTrail audit)
    : IRequestHandler<GetConversation, ConversationView>
{
    public async Task<ConversationView> Handle(GetConversation request, CancellationToken cancellationToken)
    {
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.ConversationId, cancellationToken)
            ?? throw new NotFoundException("The conversation");
        var person = await db.People.AsNoTracking().Where(p => p.Id == c.PersonId).Select(p => new { p.PreferredName }).FirstAsync(cancellationToken);
        var reference = c.ReferralId is null ? null
            : await db.Referrals.AsNoTracking().Where(r => r.Id == c.ReferralId).Select(r => r.Reference).FirstOrDefaultAsync(cancellationToken);
        var versions = await db.ConversationVersions.AsNoTracking().Where(v => v.ConversationId == c.Id).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.SavedAt, v.SavedByUserId }).ToListAsync(cancellationToken);
        var spell = await db.Spells.AsNoTracking().FirstAsync(s => s.Id == c.SpellId, cancellationToken);
        var baseline = c.BaselineConversationId is { } baselineId
            ? await db.Conversations.AsNoTracking().Where(b => b.Id == baselineId).Select(b => b.Content).FirstOrDefaultAsync(cancellationToken)
            : null;

        var names = await staff.DisplayNames(versions.Select(v => v.SavedByUserId).Append(c.UpdatedByUserId), cancellationToken);
        string Name(Guid id) => names.TryGetValue(id, out var n) ? n : "A former member of staff";

        audit.Record(AuditAction.View, c.PersonId, nameof(Conversation), c.Id, "Conversation: view");
        await db.SaveChangesAsync(cancellationToken);

        return new ConversationView(c.Id, c.PersonId, person.PreferredName, c.ReferralId, reference, c.Kind, c.Status, c.Content, c.ConcurrencyToken,
            c.VersionNumber, c.StartedAt, c.UpdatedAt, Name(c.UpdatedByUserId),
            versions.Select(v => new VersionRow(v.Number, v.SavedAt, Name(v.SavedByUserId))).ToList(),
            Scores(c.Content),
            baseline,
            baseline is null ? [] : Changes(baseline, c.Content),
            new SpellClock(spell.StartedAt, spell.AssessedAt, spell.BaselineMeasuredAt, spell.ClockStoppedAt));
    }

    private static List<ScaleScore> Scores(ConversationContent content)
    {
        var dialog = ConversationRatings.Dialog(content);
        return BuiltInMeasures.Dialog.Scales.Select(s => new ScaleScore(BuiltInMeasures.DialogCode, s.Name, Scoring.Score(s, dialog))).ToList();
    }

    private List<MeasureComparison> Changes(ConversationContent baseline, ConversationContent followUp)
    {
        var changes = new List<MeasureComparison>
        {
            MeasureComparisons.Compare(BuiltInMeasures.Dialog, ConversationRatings.Dialog(baseline), ConversationRatings.Dialog(followUp), DialogLabels.Short),
        };
        if (baseline.Goals.Count > 0)
        {
            string GoalLabel(MeasureItem item)
            {
                var index = int.Parse(item.Code["goal-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1;
                return index < baseline.Goals.Count ? baseline.Goals[index].Text : item.Text;
            }
            var gbo = MeasureComparisons.Compare(BuiltInMeasures.Gbo, ConversationRatings.Gbo(baseline), ConversationRatings.Gbo(followUp), GoalLabel);
            changes.Add(gbo with
            {
                Items = gbo.Items.Take(baseline.Goals.Count).ToList(),
                Scales = gbo.Scales.Take(baseline.Goals.Count).Select((s, i) => s with { Name = baseline.Goals[i].Text }).ToList(),
            });
        }
        foreach (var (code, ratings) in followUp.OtherMeasures)
        {
            if (measures.Find(code) is { } measure && baseline.OtherMeasures.TryGetValue(code, out var before))
            {
                changes.Add(MeasureComparisons.Compare(measure, before, ratings));
            }
        }
        return changes;
    }
}
