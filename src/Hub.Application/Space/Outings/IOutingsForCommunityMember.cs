namespace Hub.Application.Space.Outings;

/// <summary>
/// Outings a volunteer went on with the person (the volunteer side of Connect and Do), shown in their
/// space so they can say how each went. The space asks through this seam only; the volunteer side
/// answers it (<c>Volunteering/People/OutingsForSpaceMembers</c>), finding the outings of requests made
/// with the address the space signs in with, by the one <c>ContactKey</c> (docs/decisions/041).
/// </summary>
public interface IOutingsForCommunityMember
{
    /// <summary>The member's outings that happened, newest first.</summary>
    Task<IReadOnlyList<OutingForMember>> ForMemberAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>One of the member's outings, or null when it is not theirs (or did not happen): another's reads as not found.</summary>
    Task<OutingForMember?> FindForMemberAsync(Guid memberId, Guid outingId, CancellationToken cancellationToken);

    /// <summary>
    /// The member says how one of their outings went. Null when it is not theirs; otherwise whether it
    /// was kept (false when they, or their old emailed link, already said).
    /// </summary>
    Task<bool?> SayAsync(Guid memberId, Guid outingId, OutingSay say, string? words, CancellationToken cancellationToken);
}

/// <summary>How the person felt it went: the same three answers as the old emailed link.</summary>
public enum OutingSay
{
    Good = 1,
    Okay = 2,
    NotGood = 3,
}

/// <summary>
/// An outing as its person sees it: the group, the day, the volunteer's first name, and their own say.
/// Never the volunteer's note, which is the volunteer's record for the coordinator.
/// </summary>
/// <param name="RateAddress">Where the person says how it went, or null when they already have.</param>
public sealed record OutingForMember(Guid OutingId, string GroupName, DateOnly On, string VolunteerFirstName, OutingSay? Said, string? Words, DateTimeOffset? SaidAt,
    string? RateAddress)
{
    /// <summary>Their answer in words, as the page shows it, or null before they say.</summary>
    public string? HowItWent => HowItWentAnswer.WordsFor(Said);

    public static string AddressOf(Guid outingId) => $"/space/outings/{outingId}";
}
