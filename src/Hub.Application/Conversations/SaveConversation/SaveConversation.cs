using Hub.Application.Common.Access;
using Hub.Domain.Conversations;
using MediatR;

namespace Hub.Application.Conversations.SaveConversation;

public enum SaveIntent
{
    /// <summary>Keep a draft to carry on later (explicitly, or by autosave).</summary>
    SaveDraft = 1,
    /// <summary>Finish the conversation: records the assessment and any baseline ratings.</summary>
    Complete = 2,
    /// <summary>Change a completed conversation: a new version.</summary>
    SaveNewVersion = 3,
}

/// <summary>
/// Saves what was said. <paramref name="ExpectedToken"/> is the version the practitioner was
/// editing: if someone else saved since, nothing is overwritten and the result says so, with what
/// is saved now, so the practitioner can compare and keep their own words.
/// </summary>
public sealed record SaveConversation(Guid ConversationId, ConversationContent Content, Guid ExpectedToken, SaveIntent Intent) : IRequest<SaveConversationResult>, IConversationScoped;

public sealed record SaveConversationResult(bool Saved, Guid Token, int VersionNumber, ConflictDetails? Conflict)
{
    /// <summary>After a section save, that section's fingerprint as now stored (see <c>ConversationSections.StampOf</c>).</summary>
    public string? SectionStamp { get; init; }

    public static SaveConversationResult Done(Guid token, int version) => new(true, token, version, null);
}

/// <summary>What someone else saved in the meantime.</summary>
public sealed record ConflictDetails(ConversationContent CurrentContent, string SavedBy, DateTimeOffset SavedAt, Guid CurrentToken);
