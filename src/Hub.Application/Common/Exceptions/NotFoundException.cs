namespace Hub.Application.Common.Exceptions;

/// <summary>The record asked for does not exist (or is not visible to the asker). Mapped to 404 once, in the web layer.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");
