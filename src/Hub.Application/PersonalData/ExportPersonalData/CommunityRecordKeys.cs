using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.Volunteering;

namespace Hub.Application.PersonalData.ExportPersonalData;

/// <summary>
/// The one place the subject access export finds a person's Connect and Do records from the contact
/// details the hub holds for them (docs/decisions/042): their requests for someone to come along by
/// <see cref="ContactKey"/> of each email address and number, and their community space by the same
/// key (one contact key for both, docs/decisions/041). The key is computed by its own helper, never here.
/// </summary>
public static class CommunityRecordKeys
{
    /// <param name="RequestKeys">Keys a <see cref="SupportRequest"/> is found by.</param>
    /// <param name="SpaceKeys">Keys a community space is found by.</param>
    public sealed record Keys(IReadOnlyList<string> RequestKeys, IReadOnlyList<string> SpaceKeys);

    public static Keys For(AuditKey key, IReadOnlyCollection<string> emails, IReadOnlyCollection<string> phones)
    {
        var keys = emails.Concat(phones).Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => ContactKey.Of(key, a)).Distinct(StringComparer.Ordinal).ToList();
        return new(keys, keys);
    }
}
