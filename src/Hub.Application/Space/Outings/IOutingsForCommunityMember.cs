namespace Hub.Application.Space.Outings;

/// <summary>
/// Outings a volunteer went on with the person (the volunteer side of Connect and Do), shown in their
/// space so they can say how each went. The space asks through this seam only; until the volunteer
/// side registers its own, <see cref="NoOutingsYet"/> answers that there are none.
/// </summary>
public interface IOutingsForCommunityMember
{
    Task<IReadOnlyList<OutingForMember>> ForMemberAsync(Guid memberId, CancellationToken cancellationToken);
}

/// <param name="RateAddress">Where the person says how it went (a page of the volunteer side), or null when they already have.</param>
public sealed record OutingForMember(Guid OutingId, string GroupName, DateOnly On, string? HowItWent, string? RateAddress);

/// <summary>The default: no volunteer side yet, so no outings.</summary>
public sealed class NoOutingsYet : IOutingsForCommunityMember
{
    public Task<IReadOnlyList<OutingForMember>> ForMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutingForMember>>([]);
}
