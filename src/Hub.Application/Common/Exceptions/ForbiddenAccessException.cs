namespace Hub.Application.Common.Exceptions;

/// <summary>The user has no legitimate relationship with the record. Mapped to 403 once, and audited.</summary>
public sealed class ForbiddenAccessException() : Exception("You do not have access to this record.");
