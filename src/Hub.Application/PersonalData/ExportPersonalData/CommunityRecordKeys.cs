using Hub.Application.Space;
using Hub.Domain.Audit;
using Hub.Domain.Volunteering;

namespace Hub.Application.PersonalData.ExportPersonalData;

/// <summary>
/// The one place the subject access export finds a person's Connect and Do records from the contact
/// details the hub holds for them (docs/decisions/042): their requests for someone to come along by
/// <see cref="ContactKey"/> of each email address and number, and their community space by its keyed
/// address (<see cref="SpaceAddresses"/>). Both keys are computed by their own helpers, never here, so
/// when the space and volunteering share one key this is the only function to point at it.
/// </summary>
public static class CommunityRecordKeys
{
    /// <param name="RequestKeys">Keys a <see cref="SupportRequest"/> is found by.</param>
    /// <param name="SpaceKeys">Keys a community space is found by.</param>
    public sealed record Keys(IReadOnlyList<string> RequestKeys, IReadOnlyList<string> SpaceKeys);

    public static Keys For(AuditKey key, IReadOnlyCollection<string> emails, IReadOnlyCollection<string> phones)
    {
        var requestKeys = emails.Select(ContactKey.ForEmail).Concat(phones.Select(ContactKey.ForMobile)).Distinct(StringComparer.Ordinal).ToList();
        var spaceKeys = emails.Concat(phones).Select(a => SpaceAddresses.KeyOf(key, SpaceAddresses.Normalise(a))).Distinct(StringComparer.Ordinal).ToList();
        return new(requestKeys, spaceKeys);
    }
}
