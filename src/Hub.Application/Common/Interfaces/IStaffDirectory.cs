namespace Hub.Application.Common.Interfaces;

/// <summary>Display names of staff, for showing who recorded what.</summary>
public interface IStaffDirectory
{
    Task<IReadOnlyDictionary<Guid, string>> DisplayNames(IEnumerable<Guid> userIds, CancellationToken cancellationToken);
}
