namespace Hub.Application.Space;

/// <summary>The space signed in on this request, read from the space cookie only (never from a form).</summary>
public interface ICurrentSpaceMember
{
    Guid? MemberId { get; }
    Guid? SessionId { get; }
}
