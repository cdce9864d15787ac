using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;

namespace Hub.Application.CommunityOffers.OpenReferral;

/// <summary>
/// Writes community offers as an Open Referral UK (HSDS 3.0) list of services that
/// <see cref="OpenReferralImport"/> reads back to the same offers. The text is stable: the same
/// offers always give the same bytes, so an unchanged directory gives an unchanged file.
/// </summary>
public static class OpenReferralExport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Names in any language stay readable; characters that matter in HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Services sorted by id, then name.</summary>
    /// <exception cref="ArgumentException">Two offers would share a service id, so the file could not be imported again.</exception>
    public static string Write(IEnumerable<CommunityOffer> offers)
    {
        var services = offers
            .Select(offer => (Offer: offer, Id: ServiceIdFor(offer)))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ThenBy(s => s.Offer.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Offer.Id)
            .ToList();

        var shared = services.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
        {
            throw new ArgumentException($"{shared.Count()} offers share the Open Referral service id {shared.Key}; each needs its own.", nameof(offers));
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var (offer, id) in services)
            {
                WriteService(writer, offer, id);
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>The id the offer has in Open Referral: the one it was imported with, or else its own Guid.</summary>
    public static string ServiceIdFor(CommunityOffer offer) => offer.ExternalId ?? offer.Id.ToString("D");

    /// <summary>
    /// The organisation's id: the one it was imported with, or else one derived from its name so its
    /// offers share it. The import recognises a derived id and leaves the offer without one again.
    /// </summary>
    public static string OrganisationIdFor(CommunityOffer offer) =>
        offer.OrganisationExternalId ?? OpenReferralFormat.DerivedOrganisationId(offer.OrganisationName);

    private static void WriteService(Utf8JsonWriter w, CommunityOffer offer, string id)
    {
        var organisationId = OrganisationIdFor(offer);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("organization_id", organisationId);
        w.WriteString("name", offer.Name);
        Optional(w, "description", offer.Description);
        Optional(w, "url", offer.Url);
        Optional(w, "email", offer.Email);
        w.WriteString("status", offer.Active ? "active" : "inactive");
        Optional(w, "fees_description", offer.CostNote);
        w.WriteString("last_modified", OpenReferralFormat.FormatInstant(offer.UpdatedAt));

        w.WriteStartObject("organization");
        w.WriteString("id", organisationId);
        w.WriteString("name", offer.OrganisationName);
        w.WriteEndObject();

        if (offer.Phone is not null)
        {
            w.WriteStartArray("phones");
            w.WriteStartObject();
            w.WriteString("id", ChildId(id, "phone", 0));
            w.WriteString("number", offer.Phone);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        WriteSchedules(w, offer, id);
        WriteLocation(w, offer, id);

        if (offer.Languages.Count > 0)
        {
            w.WriteStartArray("languages");
            for (var i = 0; i < offer.Languages.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("id", ChildId(id, "language", i));
                w.WriteString("name", offer.Languages[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        if (offer.IsFree)
        {
            // HSDS has no "free" flag; a cost option of 0 says it in a way any reader understands.
            w.WriteStartArray("cost_options");
            w.WriteStartObject();
            w.WriteString("id", ChildId(id, "cost_option", 0));
            w.WriteNumber("amount", 0);
            w.WriteString("currency", OpenReferralFormat.UkCurrency);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        WriteAttributes(w, offer, id);
        w.WriteEndObject();
    }

    private static void WriteSchedules(Utf8JsonWriter w, CommunityOffer offer, string id)
    {
        if (offer.Sessions.Count == 0 && offer.ScheduleNote is null)
        {
            return;
        }

        w.WriteStartArray("schedules");
        var index = 0;
        foreach (var session in offer.Sessions)
        {
            w.WriteStartObject();
            w.WriteString("id", ChildId(id, "schedule", index++));
            w.WriteString("freq", "WEEKLY");
            w.WriteString("byday", OpenReferralFormat.DayCode(session.Day));
            w.WriteString("opens_at", OpenReferralFormat.FormatTime(session.Opens));
            w.WriteString("closes_at", OpenReferralFormat.FormatTime(session.Closes));
            w.WriteEndObject();
        }

        if (offer.ScheduleNote is not null)
        {
            // A schedule with only a description: the words for what the sessions cannot say.
            w.WriteStartObject();
            w.WriteString("id", ChildId(id, "schedule", index));
            w.WriteString("description", offer.ScheduleNote);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter w, CommunityOffer offer, string id)
    {
        var hasAddress = offer.Address is not null || offer.Postcode is not null;
        if (offer.LocationExternalId is null && offer.LocationName is null && !hasAddress)
        {
            return;
        }

        // HSDS wants a location id; an offer without one gets an id the import recognises as ours.
        var locationId = offer.LocationExternalId ?? ChildId(id, "location", 0);
        w.WriteStartArray("service_at_locations");
        w.WriteStartObject();
        w.WriteString("id", ChildId(id, "service_at_location", 0));
        w.WriteString("location_id", locationId);
        w.WriteStartObject("location");
        w.WriteString("id", locationId);
        if (hasAddress)
        {
            w.WriteString("location_type", "physical");
        }
        Optional(w, "name", offer.LocationName);

        if (hasAddress)
        {
            var (line, city) = SplitAddress(offer.Address);
            w.WriteStartArray("addresses");
            w.WriteStartObject();
            w.WriteString("id", ChildId(id, "address", 0));
            Optional(w, "address_1", line);
            Optional(w, "city", city);
            Optional(w, "postal_code", offer.Postcode);
            w.WriteString("country", OpenReferralFormat.Country);
            w.WriteString("address_type", "physical");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>
    /// "12 Mill Lane, Eastfield, Calderbrook" becomes address_1 "12 Mill Lane, Eastfield" and city
    /// "Calderbrook"; the import joins the parts with the same separator, so nothing changes.
    /// </summary>
    private static (string? Line, string? City) SplitAddress(string? address)
    {
        if (address is null)
        {
            return (null, null);
        }

        var at = address.LastIndexOf(OpenReferralFormat.AddressSeparator, StringComparison.Ordinal);
        if (at > 0)
        {
            var line = address[..at];
            var city = address[(at + OpenReferralFormat.AddressSeparator.Length)..];
            if (line == line.Trim() && city.Length > 0 && city == city.Trim())
            {
                return (line, city);
            }
        }
        return (address, null);
    }

    private static void WriteAttributes(Utf8JsonWriter w, CommunityOffer offer, string id)
    {
        // Our own vocabularies are written from the fields they carry, never from stray categories.
        var categories = offer.Categories.Where(c => !OpenReferralVocabularies.IsReserved(c.Vocabulary)).ToList();
        var terms = categories.Select(c => (c.Id, c.Name, c.Vocabulary)).ToList();
        terms.AddRange(offer.HelpsWith.Select(area => (area.ToString(), area.Describe(), (string?)OpenReferralVocabularies.Needs)));

        // Without this flag the import would add areas guessed from the categories that staff left out.
        if (!HelpsWithMapping.FromCategories(categories).All(offer.HelpsWith.Contains))
        {
            terms.Add((OpenReferralVocabularies.ListedNeedsOnlyTermId, OpenReferralVocabularies.ListedNeedsOnlyTermName, OpenReferralVocabularies.Flags));
        }
        if (offer.PeerLed)
        {
            terms.Add((OpenReferralVocabularies.PeerLedTermId, OpenReferralVocabularies.PeerLedTermName, OpenReferralVocabularies.Flags));
        }
        if (offer.Neighbourhood is { } neighbourhood)
        {
            terms.Add((OpenReferralFormat.Slug(neighbourhood), neighbourhood, OpenReferralVocabularies.Neighbourhood));
        }

        if (terms.Count == 0)
        {
            return;
        }

        w.WriteStartArray("attributes");
        for (var i = 0; i < terms.Count; i++)
        {
            var (termId, name, vocabulary) = terms[i];
            w.WriteStartObject();
            w.WriteString("id", ChildId(id, "attribute", i));
            w.WriteString("taxonomy_term_id", termId);
            w.WriteStartObject("taxonomy_term");
            w.WriteString("id", termId);
            w.WriteString("name", name);
            Optional(w, "taxonomy", vocabulary);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string ChildId(string serviceId, string kind, int index) => OpenReferralFormat.ChildId(serviceId, kind, index);

    private static void Optional(Utf8JsonWriter w, string property, string? value)
    {
        if (value is not null)
        {
            w.WriteString(property, value);
        }
    }
}
