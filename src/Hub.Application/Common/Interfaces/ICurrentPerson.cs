namespace Hub.Application.Common.Interfaces;

/// <summary>
/// The person signed in to their own plan through a link, for the current request. Their requests
/// never take a person id from the browser: it comes from here, so they reach their own plan only.
/// </summary>
public interface ICurrentPerson
{
    Guid? PersonId { get; }
    Guid? SessionId { get; }
}
