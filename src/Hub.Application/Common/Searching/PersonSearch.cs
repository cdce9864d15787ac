using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Common.Searching;

/// <summary>
/// The search box of the lists of people (triage, allocation, my work): what it finds, the rule
/// that reads it, and the audit row each search writes.
/// </summary>
public static class PersonSearch
{
    /// <summary>
    /// The spells a search finds: the spell of the referral with that reference, or the spells of
    /// the people whose phone, email or name key matches (each an index look-up, see ADR 027).
    /// </summary>
    public static IQueryable<Guid> SpellsFound(this IApplicationDbContext db, SearchTerm search) => search.Kind switch
    {
        SearchKind.Reference => db.Referrals.Where(r => r.Reference == search.Value).Select(r => r.SpellId),
        _ => db.Spells.Where(s => db.PeopleFound(search).Contains(s.PersonId)).Select(s => s.Id),
    };

    /// <summary>The people whose reference, phone, email or part of a name the search holds.</summary>
    public static IQueryable<Guid> PeopleFound(this IApplicationDbContext db, SearchTerm search)
    {
        switch (search.Kind)
        {
            case SearchKind.Reference:
                return db.Referrals.Where(r => r.Reference == search.Value).Select(r => r.PersonId);
            case SearchKind.Phone:
                return db.People.Where(p => p.PhoneKey == search.Value).Select(p => p.Id);
            case SearchKind.Email:
                return db.People.Where(p => p.EmailKey == search.Value).Select(p => p.Id);
            default:
                var pattern = search.ContainsPattern();
                return db.People.Where(p => EF.Functions.Like(p.NameKey!, pattern, "\\")).Select(p => p.Id);
        }
    }

    /// <summary>The search box holds something <see cref="SearchTerm.Read"/> understands, or says what to type.</summary>
    public static void ReadableSearch<T>(this IRuleBuilder<T, string?> rule)
    {
        rule.SafeText("Search", SearchTerm.MaxLength, multiline: false)
            .Must(s => s is not { Length: <= SearchTerm.MaxLength } || SearchTerm.Read(s, out var problem) is not null || problem is null)
            .WithMessage((_, s) => { SearchTerm.Read(s, out var problem); return problem; });
    }

    /// <summary>
    /// A search reaches across people, so it is a read of their records: who searched, when, on which
    /// list and for what kind of thing, never the words typed (a name, a number, an address).
    /// </summary>
    public static void RecordSearch(this AuditTrail audit, string list, SearchTerm search) =>
        audit.Record(AuditAction.View, null, "ReferralSearch", Guid.Empty, $"{list}: search by {search.Describe()}");
}
