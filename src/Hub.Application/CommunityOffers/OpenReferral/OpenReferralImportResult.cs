using Hub.Domain.CommunityOffers;

namespace Hub.Application.CommunityOffers.OpenReferral;

/// <summary>
/// One thing wrong with an import file: where (for example "service 3 (id abc): schedules[0].opens_at")
/// and what to do about it, in plain English.
/// </summary>
public sealed record ImportProblem(string Where, string Message);

/// <summary>
/// What an Open Referral import found: new, unsaved offers, or the problems that stopped it. Never
/// both: one problem anywhere means no offers, so a bad file changes nothing.
/// </summary>
public sealed record OpenReferralImportResult(IReadOnlyList<CommunityOffer> Offers, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Terms of our own taxonomies this hub does not have (a newer hub's, say): each service was imported without them.</summary>
    public IReadOnlyList<ImportProblem> LeftOut { get; init; } = [];
}
