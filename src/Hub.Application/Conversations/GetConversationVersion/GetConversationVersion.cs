using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Conversations.GetConversationVersion;

/// <summary>One saved version of a completed conversation, exactly as it was, with its author. Audited.</summary>
public sealed record GetConversationVersion(Guid ConversationId, int Number) : IRequest<ConversationVersionView>, IConversationScoped;

public sealed record ConversationVersionView(Guid ConversationId, Guid PersonId, int Number, int LatestNumber, ConversationContent Content, DateTimeOffset SavedAt, string SavedBy);

public sealed class GetConversationVersionHandler(IApplicationDbContext db, IStaffDirectory staff, AuditTrail audit)
    : IRequestHandler<GetConversationVersion, ConversationVersionView>
{
    public async Task<ConversationVersionView> Handle(GetConversationVersion request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == request.ConversationId)
            .Select(c => new { c.PersonId, c.VersionNumber }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The conversation");
        var version = await db.ConversationVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.ConversationId == request.ConversationId && v.Number == request.Number, cancellationToken)
            ?? throw new NotFoundException("That version");
        var names = await staff.DisplayNames([version.SavedByUserId], cancellationToken);

        audit.Record(AuditAction.View, conversation.PersonId, nameof(ConversationVersion), version.Id, "Conversation: view version");
        await db.SaveChangesAsync(cancellationToken);

        return new ConversationVersionView(request.ConversationId, conversation.PersonId, version.Number, conversation.VersionNumber, version.Content, version.SavedAt,
            names.TryGetValue(version.SavedByUserId, out var n) ? n : "A former member of staff");
    }
}
