using Hub.Application.Common.Access;
using Hub.Application.Conversations.SaveConversation;
using Hub.Domain.Conversations;
using MediatR;

namespace Hub.Application.Conversations.SaveConversationSection;

/// <summary>
/// Saves one section of a conversation from its own page. Only <paramref name="Section"/>'s part of
/// <paramref name="Content"/> is taken; every other section stays as stored, so a problem in one
/// section never holds up another. <paramref name="Complete"/> is the practitioner's answer to "Have
/// you completed this section?" (null leaves it as it was, as autosave does). In a completed
/// conversation the save is a new version. A save against an old <paramref name="ExpectedToken"/>
/// overwrites nothing and says what was saved meanwhile, unless <paramref name="SectionStamp"/> shows
/// that this section is as the page found it (someone saved another section: nothing of theirs is
/// overwritten, since only this section is taken). The people section is kept one person at
/// a time: <paramref name="Person"/> adds, changes or removes one, and its Content part is unused.
/// </summary>
public sealed record SaveConversationSection(Guid ConversationId, ConversationSection Section, ConversationContent Content, bool? Complete, Guid ExpectedToken,
    PersonChange? Person = null, string? SectionStamp = null)
    : IRequest<SaveConversationResult>, IConversationScoped;

/// <summary>One person in the network map: added (no index), changed, or removed (no member).</summary>
public sealed record PersonChange(int? Index, NetworkMember? Member);
