using Hub.Application.Common.Interfaces;
using Hub.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Conversations;

public static class LatestConversation
{
    /// <summary>
    /// What the person said most recently: their latest conversation in <paramref name="spellId"/>, or,
    /// when that spell has none, their latest from an earlier spell (tell it once). Null when they have had none.
    /// </summary>
    public static Task<ConversationContent?> LatestConversationContent(this IApplicationDbContext db, Guid personId, Guid spellId,
        CancellationToken cancellationToken, bool completedOnly = false) =>
        db.Conversations.AsNoTracking()
            .Where(c => c.PersonId == personId && (!completedOnly || c.Status == ConversationStatus.Completed))
            .OrderByDescending(c => c.SpellId == spellId).ThenByDescending(c => c.UpdatedAt)
            .Select(c => (ConversationContent?)c.Content)
            .FirstOrDefaultAsync(cancellationToken);
}
