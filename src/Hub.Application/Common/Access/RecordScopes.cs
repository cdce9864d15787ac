namespace Hub.Application.Common.Access;

/// <summary>A request about the person behind a referral: checked against the caller's relationship with them.</summary>
public interface IReferralScoped
{
    Guid ReferralId { get; }
}

/// <summary>A request about the person in a conversation.</summary>
public interface IConversationScoped
{
    Guid ConversationId { get; }
}

/// <summary>A request about a suggested match between a new referral and someone already known.</summary>
public interface IMatchScoped
{
    Guid MatchId { get; }
}

/// <summary>A request about the person in a network meeting.</summary>
public interface IMeetingScoped
{
    Guid MeetingId { get; }
}
