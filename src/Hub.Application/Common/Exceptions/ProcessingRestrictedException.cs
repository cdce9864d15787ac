namespace Hub.Application.Common.Exceptions;

/// <summary>
/// A change to the record of someone whose processing is restricted. Raised by the save itself, so
/// no use case can forget the rule; the page says why and who can lift it (423 Locked).
/// </summary>
public sealed class ProcessingRestrictedException()
    : Exception("Processing is restricted for this person, so their record cannot be changed.");
