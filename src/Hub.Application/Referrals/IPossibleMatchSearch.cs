using Hub.Domain.People;

namespace Hub.Application.Referrals;

/// <summary>
/// The possible-match search of a send: the keys of the newest earlier records sharing the incoming
/// person's phone, email, or name and date of birth (never whole records). Infrastructure runs it as
/// a compiled query, so the send does not rebuild and look up the query's expression every time
/// (docs/decisions/047); where the database can, it runs inside the send's write instead (docs/decisions/052).
/// </summary>
public interface IPossibleMatchSearch
{
    /// <summary>At most <paramref name="limit"/> candidates, newest first; never the incoming person or a merged-away record.</summary>
    Task<List<MatchKeys>> FindAsync(Person incoming, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Has the next save write the suggestions for <paramref name="referralId"/> itself: the database
    /// searches as <see cref="FindAsync"/> does and stores a pending <see cref="PossibleMatch"/> for each
    /// candidate with the reasons <see cref="ReturningPersonMatch.Compare(Person, MatchKeys)"/> gives,
    /// in the same round trip as the rest of the save. False where the database cannot (the caller then
    /// searches and adds the suggestions itself); the save must then be the referral's own insert-only save.
    /// </summary>
    bool SuggestInTheSave(Person incoming, Guid referralId, int limit);
}
