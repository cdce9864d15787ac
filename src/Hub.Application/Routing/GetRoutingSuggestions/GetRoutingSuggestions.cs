using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.CommunityOffers;
using Hub.Application.Conversations;
using Hub.Application.Directory;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Routing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Routing.GetRoutingSuggestions;

/// <summary>
/// Who across the three sectors, and which community offers, could help this person: ranked from
/// their conversation's needs and goals, their preferences and neighbourhood, and live caseloads,
/// each with its reason. A suggestion only: a practitioner or team leader confirms.
/// </summary>
public sealed record GetRoutingSuggestions(Guid ReferralId) : IRequest<RoutingPage>, IReferralScoped;

public sealed record RoutingPage(
    Guid ReferralId,
    string Reference,
    string? PersonName,
    bool SpellOpen,
    string? Neighbourhood,
    string? Language,
    SupportPreferences Preferences,
    IReadOnlyList<DeterminantArea> Needs,
    IReadOnlyList<string> Goals,
    bool FromConversation,
    string? PreviousLeadName,
    IReadOnlyList<MemberSuggestion> Members,
    IReadOnlyList<OfferSuggestion> Offers,
    IReadOnlyList<CareTeamRow> CareTeam,
    IReadOnlyList<PendingOfferRow> Pending,
    IReadOnlyList<LinkedOfferRow> AgreedOffers,
    IReadOnlyList<MemberOption> Everyone);

public sealed record MemberSuggestion(Guid MemberId, string Name, string Team, Sector Sector, string Reason);

public sealed record OfferSuggestion(Guid OfferId, string Name, string Organisation, string? Schedule, string Reason);

public sealed record CareTeamRow(Guid MemberId, string Name, CareTeamRole Role, Sector Sector, DateTimeOffset Since);

public sealed record PendingOfferRow(string ToName, CareTeamRole Role, DateTimeOffset OfferedAt);

public sealed record LinkedOfferRow(Guid OfferId, string Name, string? Note, DateTimeOffset AgreedAt);

/// <summary>Anyone in the directory who can take work, for offering it to someone not suggested.</summary>
public sealed record MemberOption(Guid MemberId, string Label);

public sealed class GetRoutingSuggestionsHandler(IApplicationDbContext db, AuditTrail audit) : IRequestHandler<GetRoutingSuggestions, RoutingPage>
{
    public const int MembersShown = 8;
    public const int OffersShown = 6;

    public async Task<RoutingPage> Handle(GetRoutingSuggestions request, CancellationToken cancellationToken)
    {
        var found = await (
            from r in db.Referrals.AsNoTracking()
            join s in db.Spells on r.SpellId equals s.Id
            join p in db.People on r.PersonId equals p.Id
            where r.Id == request.ReferralId
            select new { r.Reference, r.SpellId, s.EndedAt, s.PreviousSpellId, Person = p }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The referral");
        var person = found.Person;

        // Needs and goals from the spell's latest conversation (a carried-forward one counts: tell it once).
        var content = await db.LatestConversationContent(person.Id, found.SpellId, cancellationToken);
        var needs = (content?.Needs ?? []).Select(n => n.Area).Distinct().Order().ToList();
        var goals = (content?.Goals ?? []).Select(g => g.Text).ToList();

        Guid? previousLead = found.PreviousSpellId is { } previousSpell
            ? await db.CareTeamMembers.AsNoTracking().Where(m => m.SpellId == previousSpell && m.Role == CareTeamRole.Lead)
                .OrderByDescending(m => m.JoinedAt).Select(m => (Guid?)m.MemberId).FirstOrDefaultAsync(cancellationToken)
            : null;

        var members = await (
            from m in db.TeamMembers.AsNoTracking()
            join t in db.Teams on m.TeamId equals t.Id
            join o in db.Organisations on t.OrganisationId equals o.Id
            where m.LeftAt == null
            select new { Member = m, TeamName = t.Name, o.Sector }).ToListAsync(cancellationToken);
        var caseloads = await db.CaseloadsByMember(neighbourhood: null, cancellationToken);

        var offers = await db.CommunityOffers.AsNoTracking().Where(o => o.Active).ToListAsync(cancellationToken);

        var careTeam = await db.CareTeamMembers.AsNoTracking().Where(m => m.SpellId == found.SpellId && m.LeftAt == null)
            .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).ToListAsync(cancellationToken);
        var pending = await db.Handoffs.AsNoTracking().Where(h => h.SpellId == found.SpellId && h.Status == HandoffStatus.Pending)
            .OrderBy(h => h.CreatedAt).ToListAsync(cancellationToken);
        var linked = await (
            from l in db.CommunityLinks.AsNoTracking()
            join o in db.CommunityOffers on l.OfferId equals o.Id
            where l.SpellId == found.SpellId
            orderby l.AgreedAt
            select new LinkedOfferRow(o.Id, o.Name, l.Note, l.AgreedAt)).ToListAsync(cancellationToken);

        var preferences = person.Preferences;
        var routing = new RoutingRequest(needs.ToHashSet(), goals, person.Neighbourhood,
            new RoutingPreferences(preferences.PeerWorker, person.Communication.PreferredLanguage, preferences.WorkerGender, preferences.Days.ToHashSet(), preferences.Evenings),
            previousLead);

        var onTeam = careTeam.Select(m => m.MemberId).Concat(pending.Select(h => h.ToMemberId)).ToHashSet();
        var candidates = members.Where(x => !onTeam.Contains(x.Member.Id)).Select(x => new MemberCandidate(
            x.Member.Id, x.Member.Name, x.TeamName, x.Sector, x.Member.Group, x.Member.HelpsWith.ToHashSet(), x.Member.Skills, x.Member.Languages,
            x.Member.Neighbourhoods, x.Member.Gender, x.Member.WorkingDays.ToHashSet(), x.Member.WorksEvenings,
            caseloads.GetValueOrDefault(x.Member.Id), x.Member.CaseloadCapacity, x.Member.IsAvailable));
        var byId = members.ToDictionary(x => x.Member.Id);
        var rankedMembers = RoutingRanker.RankMembers(routing, candidates).Take(MembersShown)
            .Select(s => new MemberSuggestion(s.Id, s.Name, byId[s.Id].TeamName, byId[s.Id].Sector, s.Reason)).ToList();

        var linkedIds = linked.Select(l => l.OfferId).ToHashSet();
        var offerById = offers.ToDictionary(o => o.Id);
        var rankedOffers = RoutingRanker.RankOffers(routing, offers.Where(o => !linkedIds.Contains(o.Id)).Select(o => new OfferCandidate(
                o.Id, o.Name, o.HelpsWith.ToHashSet(), o.Neighbourhood, o.PeerLed, o.IsFree, o.Languages,
                o.Sessions.Select(s => s.Day).ToHashSet(), o.Sessions.Any(s => s.IsEvening))))
            .Take(OffersShown)
            .Select(s => new OfferSuggestion(s.Id, s.Name, offerById[s.Id].OrganisationName, OfferScheduleText.Describe(offerById[s.Id]), s.Reason)).ToList();

        string NameOf(Guid id) => byId.TryGetValue(id, out var x) ? x.Member.Name : "A former member of staff";
        Sector SectorOf(Guid id) => byId.TryGetValue(id, out var x) ? x.Sector : Sector.Primary;

        audit.Record(AuditAction.View, person.Id, nameof(Referral), request.ReferralId, "Routing: suggestions");
        await db.SaveChangesAsync(cancellationToken);

        return new RoutingPage(request.ReferralId, found.Reference, person.PreferredName, found.EndedAt is null, person.Neighbourhood,
            person.Communication.PreferredLanguage, preferences, needs, goals, content is not null,
            previousLead is { } lead ? NameOf(lead) : null,
            rankedMembers, rankedOffers,
            careTeam.Select(m => new CareTeamRow(m.MemberId, NameOf(m.MemberId), m.Role, SectorOf(m.MemberId), m.JoinedAt)).ToList(),
            pending.Select(h => new PendingOfferRow(NameOf(h.ToMemberId), h.Role, h.CreatedAt)).ToList(),
            linked,
            members.Where(x => x.Member.IsAvailable && !onTeam.Contains(x.Member.Id)).OrderBy(x => x.Member.Name, StringComparer.Ordinal)
                .Select(x => new MemberOption(x.Member.Id, $"{x.Member.Name}, {x.Member.Group.Describe().ToLowerInvariant()} ({x.TeamName})")).ToList());
    }
}
