using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Domain.CommunityOffers;

namespace Hub.Application.Connect.OpenReferralApi;

/// <summary>A taxonomy the Open Referral UK API publishes: what the public directory is searched by.</summary>
public sealed record PublishedTaxonomy(string Id, string Vocabulary, string Name, string Description, IReadOnlyList<PublishedTerm> Terms);

/// <summary>
/// A term of a published taxonomy. <see cref="Code"/> is its id inside the taxonomy (as files carry
/// it); <see cref="Id"/> is the UUID the API gives it. <see cref="Narrow"/> is what a service list
/// filtered by the term asks of the directory.
/// </summary>
public sealed record PublishedTerm(string Id, string Code, string Name, string TaxonomyId, string Vocabulary, Func<DirectoryFilter, DirectoryFilter> Narrow);

/// <summary>
/// The taxonomies the read API lists and filters by. They are the directory's own fixed lists
/// (interests, access needs, and the facts people search by: free, peer-led, someone can come along),
/// so listing them costs no query and filtering by one is a column test (ADR 037). Terms that
/// services carry from an imported file are shown on the service but are not filters.
/// </summary>
public static class OpenReferralTaxonomies
{
    public static IReadOnlyList<PublishedTaxonomy> All { get; } =
    [
        Taxonomy(OpenReferralVocabularies.Interests, "Connect and Do interests", "What a group or activity is about, as people look for it.",
            ConnectWords.All<OfferInterest>().Select(i => (i.ToString(), i.Describe(), (Func<DirectoryFilter, DirectoryFilter>)(f => f with { Interest = (f.Interest ?? OfferInterest.None) | i })))),
        Taxonomy(OpenReferralVocabularies.Access, "Connect and Do access", "What makes a group easier to go to. A filter asks for every need it names.",
            ConnectWords.All<OfferAccess>().Select(a => (a.ToString(), a.Describe(), (Func<DirectoryFilter, DirectoryFilter>)(f => f with { Access = f.Access | a })))),
        Taxonomy(OpenReferralVocabularies.Flags, "Connect and Do listing facts", "Facts about a listing that people search by.",
        [
            (OpenReferralVocabularies.FreeTermId, OpenReferralVocabularies.FreeTermName, f => f with { FreeOnly = true }),
            (OpenReferralVocabularies.PeerLedTermId, OpenReferralVocabularies.PeerLedTermName, f => f with { PeerLedOnly = true }),
            (OpenReferralVocabularies.BringSomeoneTermId, OpenReferralVocabularies.BringSomeoneTermName, f => f with { BringSomeoneOnly = true }),
        ]),
    ];

    public static IEnumerable<PublishedTerm> Terms => All.SelectMany(t => t.Terms);

    public static PublishedTaxonomy? Taxonomy(string id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    public static PublishedTerm? Term(string id) => Terms.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    private static PublishedTaxonomy Taxonomy(string vocabulary, string name, string description, IEnumerable<(string Code, string Name, Func<DirectoryFilter, DirectoryFilter> Narrow)> terms)
    {
        var id = OpenReferralExport.ApiTaxonomyId(vocabulary);
        return new PublishedTaxonomy(id, vocabulary, name, description,
            terms.Select(t => new PublishedTerm(OpenReferralExport.ApiTermId(vocabulary, t.Code), t.Code, t.Name, id, vocabulary, t.Narrow)).ToList());
    }
}
