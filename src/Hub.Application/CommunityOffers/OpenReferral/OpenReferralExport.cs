using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Hub.Application.Connect;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;

namespace Hub.Application.CommunityOffers.OpenReferral;

/// <summary>How much of a service is written, and with which ids.</summary>
public enum OpenReferralShape
{
    /// <summary>A file: every field, with the ids it was imported with (read back by <see cref="OpenReferralImport"/>).</summary>
    File,

    /// <summary>The API's service by id: every field, every id a UUID as the Open Referral UK 3.0 schema asks.</summary>
    ApiService,

    /// <summary>An item of the API's service list: only the one-to-one fields and the organisation (service_list.json).</summary>
    ApiListItem,
}

/// <summary>
/// Writes community offers as an Open Referral UK (HSDS 3.0) list of services that
/// <see cref="OpenReferralImport"/> reads back to the same offers. The text is stable: the same
/// offers always give the same bytes, so an unchanged directory gives an unchanged file. The read
/// API (<c>Hub.Application/Connect/OpenReferralApi</c>) writes its services with the same code.
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
            foreach (var (offer, _) in services)
            {
                WriteService(writer, offer, OpenReferralShape.File);
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

    /// <summary>The service's id in the API: its own id when that is a UUID, else our Guid (the schema asks for UUIDs).</summary>
    public static string ApiServiceIdFor(CommunityOffer offer) =>
        offer.ExternalId is { } external && Guid.TryParse(external, out var id) ? id.ToString("D") : offer.Id.ToString("D");

    /// <summary>Any id as a UUID: itself when it is one, else one derived from it (always the same).</summary>
    public static string AsUuid(string kind, string id) =>
        Guid.TryParse(id, out var guid) ? guid.ToString("D") : OpenReferralFormat.DerivedId($"{kind}/{id}");

    /// <summary>A taxonomy term's id in the API: a UUID derived from its taxonomy and its own id.</summary>
    public static string ApiTermId(string? vocabulary, string termId) => AsUuid($"taxonomy_term/{vocabulary}", termId);

    /// <summary>A taxonomy's id in the API: a UUID derived from its name.</summary>
    public static string ApiTaxonomyId(string vocabulary) => OpenReferralFormat.DerivedId("taxonomy/" + vocabulary);

    /// <summary>Writes one service as an object, in the given shape.</summary>
    public static void WriteService(Utf8JsonWriter w, CommunityOffer offer, OpenReferralShape shape) =>
        new ServiceWriter(w, offer, shape).Write();

    private sealed class ServiceWriter(Utf8JsonWriter w, CommunityOffer offer, OpenReferralShape shape)
    {
        private readonly bool _api = shape != OpenReferralShape.File;
        private readonly string _id = shape == OpenReferralShape.File ? ServiceIdFor(offer) : ApiServiceIdFor(offer);

        public void Write()
        {
            var organisationId = _api ? AsUuid("organization", OrganisationIdFor(offer)) : OrganisationIdFor(offer);
            w.WriteStartObject();
            w.WriteString("id", _id);
            w.WriteString("organization_id", organisationId);
            w.WriteString("name", offer.Name);
            Optional(w, "description", offer.Description);
            // The API keeps to the schema's formats; a file carries what staff typed, to be read back.
            Optional(w, "url", _api && !IsWebAddress(offer.Url) ? null : offer.Url);
            Optional(w, "email", _api && !IsEmail(offer.Email) ? null : offer.Email);
            w.WriteString("status", offer.Active ? "active" : "inactive");
            Optional(w, "fees_description", offer.CostNote);
            // HSDS 3.0's words for who it is for and how to join (the UK profile leaves them out, and allows them).
            Optional(w, "eligibility_description", offer.WhoFor);
            Optional(w, "application_process", offer.HowToJoin);
            w.WriteString("last_modified", OpenReferralFormat.FormatInstant(offer.UpdatedAt));

            w.WriteStartObject("organization");
            w.WriteString("id", organisationId);
            w.WriteString("name", offer.OrganisationName);
            // Required by the UK profile; the hub keeps no description of an organisation.
            w.WriteString("description", string.Empty);
            w.WriteEndObject();

            if (shape == OpenReferralShape.ApiListItem)
            {
                w.WriteEndObject();
                return;
            }

            if (offer.Phone is not null)
            {
                w.WriteStartArray("phones");
                w.WriteStartObject();
                w.WriteString("id", ChildId(_id, "phone", 0));
                w.WriteString("number", offer.Phone);
                w.WriteEndObject();
                w.WriteEndArray();
            }

            WriteSchedules();
            WriteServiceArea();
            WriteLocation();
            WriteLanguages();
            WriteCost();
            WriteAttributes();
            w.WriteEndObject();
        }

        private void WriteSchedules()
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
                w.WriteString("id", ChildId(_id, "schedule", index++));
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
                w.WriteString("id", ChildId(_id, "schedule", index));
                w.WriteString("description", offer.ScheduleNote);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        /// <summary>The borough or area the group belongs to, as HSDS's service area (by name).</summary>
        private void WriteServiceArea()
        {
            w.WriteStartArray("service_areas");
            w.WriteStartObject();
            w.WriteString("id", ChildId(_id, "service_area", 0));
            w.WriteString("service_id", _id);
            w.WriteString("name", offer.Area);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        private void WriteLocation()
        {
            var hasAddress = offer.Address is not null || offer.Postcode is not null;
            var accessibility = ConnectWords.Each(offer.Access);
            if (offer.LocationExternalId is null && offer.LocationName is null && !hasAddress)
            {
                return;
            }

            // HSDS wants a location id; an offer without one gets an id the import recognises as ours.
            var locationId = offer.LocationExternalId ?? ChildId(_id, "location", 0);
            if (_api)
            {
                locationId = AsUuid("location", locationId);
            }
            w.WriteStartArray("service_at_locations");
            w.WriteStartObject();
            w.WriteString("id", ChildId(_id, "service_at_location", 0));
            w.WriteString("location_id", locationId);
            w.WriteStartObject("location");
            w.WriteString("id", locationId);
            // Required by the UK profile: a place we know only by an imported id is taken to be online.
            w.WriteString("location_type", hasAddress || offer.LocationName is not null ? "physical" : "virtual");
            Optional(w, "name", offer.LocationName);

            if (hasAddress)
            {
                var (line, city) = SplitAddress(offer.Address);
                w.WriteStartArray("addresses");
                w.WriteStartObject();
                w.WriteString("id", ChildId(_id, "address", 0));
                // The UK profile requires every one of these; what we do not know is written empty, and read back as nothing.
                w.WriteString("address_1", line ?? string.Empty);
                w.WriteString("city", city ?? string.Empty);
                w.WriteString("state_province", string.Empty);
                w.WriteString("postal_code", offer.Postcode ?? string.Empty);
                w.WriteString("country", OpenReferralFormat.Country);
                w.WriteString("address_type", "physical");
                w.WriteEndObject();
                w.WriteEndArray();
            }

            if (accessibility.Count > 0)
            {
                // Readers that look only at the place still see what makes it easier to go to; the import reads the attributes.
                w.WriteStartArray("accessibility");
                for (var i = 0; i < accessibility.Count; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("id", ChildId(_id, "accessibility", i));
                    w.WriteString("location_id", locationId);
                    w.WriteString("description", accessibility[i].Describe());
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        private void WriteLanguages()
        {
            if (offer.Languages.Count == 0)
            {
                return;
            }
            w.WriteStartArray("languages");
            for (var i = 0; i < offer.Languages.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("id", ChildId(_id, "language", i));
                w.WriteString("name", offer.Languages[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteCost()
        {
            if (!offer.IsFree)
            {
                return;
            }
            // HSDS has no "free" flag; a cost option of 0 says it in a way any reader understands.
            w.WriteStartArray("cost_options");
            w.WriteStartObject();
            w.WriteString("id", ChildId(_id, "cost_option", 0));
            w.WriteNumber("amount", 0);
            w.WriteString("currency", OpenReferralFormat.UkCurrency);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        private void WriteAttributes()
        {
            // The "listed areas only" flag tells our import what not to guess; a reader of the API has no use for it.
            var terms = OwnTerms(offer).Where(t => !_api || t.Id != OpenReferralVocabularies.ListedNeedsOnlyTermId).ToList();
            if (terms.Count == 0)
            {
                return;
            }

            w.WriteStartArray("attributes");
            for (var i = 0; i < terms.Count; i++)
            {
                var (termId, name, vocabulary) = terms[i];
                var id = _api ? ApiTermId(vocabulary, termId) : termId;
                w.WriteStartObject();
                w.WriteString("id", ChildId(_id, "attribute", i));
                w.WriteString("link_id", _id);
                w.WriteString("link_type", "service");
                w.WriteString("taxonomy_term_id", id);
                w.WriteStartObject("taxonomy_term");
                w.WriteString("id", id);
                w.WriteString("name", name);
                // Required by the UK profile; the term's name is its description.
                w.WriteString("description", name);
                Optional(w, "taxonomy", vocabulary);
                if (_api)
                {
                    if (vocabulary is not null && OpenReferralVocabularies.IsPublished(vocabulary))
                    {
                        w.WriteString("taxonomy_id", ApiTaxonomyId(vocabulary));
                    }
                    // The id it has in its own taxonomy ("peer-led", "SportAndFitness", a council's code).
                    w.WriteString("term", termId);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private string ChildId(string serviceId, string kind, int index) => OpenReferralFormat.ChildId(serviceId, kind, index);
    }

    /// <summary>Every term the offer carries: its categories, then our own vocabularies written from the fields they carry.</summary>
    internal static List<(string Id, string Name, string? Vocabulary)> OwnTerms(CommunityOffer offer)
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
        if (offer.IsFree)
        {
            terms.Add((OpenReferralVocabularies.FreeTermId, OpenReferralVocabularies.FreeTermName, OpenReferralVocabularies.Flags));
        }
        if (offer.BringSomeoneFirstTime)
        {
            terms.Add((OpenReferralVocabularies.BringSomeoneTermId, OpenReferralVocabularies.BringSomeoneTermName, OpenReferralVocabularies.Flags));
        }
        if (offer.Neighbourhood is { } neighbourhood)
        {
            terms.Add((OpenReferralFormat.Slug(neighbourhood), neighbourhood, OpenReferralVocabularies.Neighbourhood));
        }
        terms.AddRange(ConnectWords.Each(offer.Interests).Select(i => (i.ToString(), i.Describe(), (string?)OpenReferralVocabularies.Interests)));
        terms.AddRange(ConnectWords.Each(offer.Access).Select(a => (a.ToString(), a.Describe(), (string?)OpenReferralVocabularies.Access)));
        return terms;
    }

    private static bool IsWebAddress(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsEmail(string? email) =>
        email is not null && System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email;

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

    private static void Optional(Utf8JsonWriter w, string property, string? value)
    {
        if (value is not null)
        {
            w.WriteString(property, value);
        }
    }
}
