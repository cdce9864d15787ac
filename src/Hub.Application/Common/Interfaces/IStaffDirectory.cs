namespace Hub.Application.Common.Interfaces;

/// <summary>Display names of staff, for showing who recorded what.</summary>
public interface IStaffDirectory
{
    Task<IReadOnlyDictionary<Guid, string>> DisplayNames(IEnumerable<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>Work email addresses of staff who have one, for notifications through the outbox.</summary>
    Task<IReadOnlyDictionary<Guid, string>> Emails(IEnumerable<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>Every staff account with its name and roles, for the directory administration.</summary>
    Task<IReadOnlyList<StaffAccount>> All(CancellationToken cancellationToken);

    /// <summary>Staff in a role (for example every team leader, told when a handoff is declined).</summary>
    Task<IReadOnlyList<Guid>> InRole(string role, CancellationToken cancellationToken);
}

public sealed record StaffAccount(Guid Id, string DisplayName, string? Email, IReadOnlyList<string> Roles);
