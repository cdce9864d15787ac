using FluentValidation;
using FluentValidation.Results;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Conversations.SaveConversation;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Conversations.SaveConversationSection;

public sealed class SaveConversationSectionHandler(IApplicationDbContext db, ICurrentUser user, IStaffDirectory staff, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<SaveConversationSection, SaveConversationResult>
{
    public async Task<SaveConversationResult> Handle(SaveConversationSection request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken)
            ?? throw new NotFoundException("The conversation");
        if (conversation.ConcurrencyToken != request.ExpectedToken
            && (request.SectionStamp is null || conversation.Content.StampOf(request.Section) != request.SectionStamp))
        {
            return await Conflict(conversation, cancellationToken);
        }

        var posted = request.Content.Cleaned();
        if (request.Section == ConversationSection.People && request.Person is { } person)
        {
            if (person is { Index: null, Member: not null } && conversation.Content.Network.Count >= ConversationContentValidator.MaxNetworkMembers)
            {
                throw new ValidationException([new ValidationFailure("Person.Member.Name", $"A network map holds up to {ConversationContentValidator.MaxNetworkMembers} people")]);
            }
            var member = person.Member is { } m ? m with { Name = TextRules.Clean(m.Name) ?? string.Empty, Relationship = TextRules.Clean(m.Relationship) } : null;
            posted = conversation.Content.WithNetworkChange(person.Index, member);
        }
        else if (request.Section == ConversationSection.People)
        {
            // Only the completion answer changes: the people stay as they are.
            posted = conversation.Content;
        }

        var now = clock.GetUtcNow();
        var version = conversation.SaveSection(request.Section, posted, request.Complete, user.Id, now);
        if (version is not null)
        {
            db.ConversationVersions.Add(version);
            await db.RecordOutcomesAsync(conversation, now, cancellationToken);
        }
        audit.Record(version is null ? AuditAction.Update : AuditAction.Create, conversation.PersonId, nameof(Conversation), conversation.Id,
            version is null ? "Conversation: save section" : "Conversation: new version");

        if (!await db.TrySaveAsync(cancellationToken))
        {
            var current = await db.Conversations.FirstAsync(c => c.Id == request.ConversationId, cancellationToken);
            return await Conflict(current, cancellationToken);
        }
        return SaveConversationResult.Done(conversation.ConcurrencyToken, conversation.VersionNumber) with { SectionStamp = conversation.Content.StampOf(request.Section) };
    }

    private async Task<SaveConversationResult> Conflict(Conversation current, CancellationToken cancellationToken) =>
        new(false, current.ConcurrencyToken, current.VersionNumber, await db.ConflictAsync(audit, staff, current, cancellationToken));
}
