namespace Hub.Application.CommunityOffers.OpenReferral;

/// <summary>
/// Our own taxonomies, which carry in Open Referral the fields HSDS has no place for. Terms in them
/// travel as ordinary service attributes, so any HSDS reader can keep them and we read them back.
/// </summary>
public static class OpenReferralVocabularies
{
    /// <summary>Life areas an offer helps with: term id is the <c>DeterminantArea</c> name, term name its description.</summary>
    public const string Needs = "livingwellhub-needs";

    /// <summary>Yes/no facts about an offer, one term each (see <see cref="PeerLedTermId"/>).</summary>
    public const string Flags = "livingwellhub-flags";

    /// <summary>The neighbourhood an offer serves: one term whose name is the neighbourhood.</summary>
    public const string Neighbourhood = "livingwellhub-neighbourhood";

    /// <summary>What a group is about, as the public directory is searched: term id is the <c>OfferInterest</c> name.</summary>
    public const string Interests = "livingwellhub-interests";

    /// <summary>What makes a group easier to go to (step-free, BSL, women only...): term id is the <c>OfferAccess</c> name.</summary>
    public const string Access = "livingwellhub-access";

    public const string PeerLedTermId = "peer-led";
    public const string PeerLedTermName = "Peer-led";

    /// <summary>Someone (a friend, family member or supporter) can come along the first time.</summary>
    public const string BringSomeoneTermId = "someone-can-come-first-time";
    public const string BringSomeoneTermName = "Someone can come with you the first time";

    /// <summary>Free to go to. Files also say it with a cost option of 0; the term makes it a taxonomy filter in the API.</summary>
    public const string FreeTermId = "free";
    public const string FreeTermName = "Free";

    /// <summary>
    /// Says the listed life areas are the whole answer, so the import must not add areas guessed from
    /// other terms' names. Written only when staff have chosen areas that the guess would contradict.
    /// </summary>
    public const string ListedNeedsOnlyTermId = "helps-with-listed-only";
    public const string ListedNeedsOnlyTermName = "Helps only with the listed life areas";

    /// <summary>True for our vocabularies that carry fields rather than categories.</summary>
    public static bool IsReserved(string? vocabulary) =>
        string.Equals(vocabulary, Needs, StringComparison.OrdinalIgnoreCase)
        || string.Equals(vocabulary, Flags, StringComparison.OrdinalIgnoreCase)
        || string.Equals(vocabulary, Neighbourhood, StringComparison.OrdinalIgnoreCase)
        || string.Equals(vocabulary, Interests, StringComparison.OrdinalIgnoreCase)
        || string.Equals(vocabulary, Access, StringComparison.OrdinalIgnoreCase);

    /// <summary>The taxonomies the read API lists and filters by: what the public directory is searched by.</summary>
    public static readonly IReadOnlyList<string> Published = [Interests, Access, Flags];

    public static bool IsPublished(string vocabulary) => Published.Contains(vocabulary, StringComparer.OrdinalIgnoreCase);
}
