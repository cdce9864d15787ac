using FluentValidation;
using FluentValidation.Results;

namespace Hub.Application.Common.Validation;

/// <summary>
/// For a rule that needs the database to check (the member is away, the spell is closed): fails
/// the same way as a validator, so the page shows the message beside the field and keeps the input.
/// </summary>
public static class Refuse
{
    public static ValidationException Because(string property, string message) => new([new ValidationFailure(property, message)]);
}
