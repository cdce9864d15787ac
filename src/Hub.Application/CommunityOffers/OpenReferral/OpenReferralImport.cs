using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Application.Common;
using Hub.Application.Connect;
using Hub.Domain.Common;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;
using Hub.Domain.People;

namespace Hub.Application.CommunityOffers.OpenReferral;

/// <summary>
/// Reads community offers from an Open Referral UK file: HSDS 3.0 services, either as a JSON list
/// or as an API page whose services are in <c>contents</c>. All or nothing: if anything in the file
/// is wrong the result lists every problem and holds no offers, so a bad file changes nothing.
/// </summary>
public static partial class OpenReferralImport
{
    public const int MaxServices = 5_000;

    /// <summary>A report longer than this is cut short; nobody reads the thousandth line.</summary>
    public const int MaxProblemsListed = 200;

    public const int UrlMaxLength = 2_000;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 50;

    /// <param name="homeArea">The area of a service that names no service area: the hub's own (docs/decisions/043).</param>
    public static OpenReferralImportResult Read(string json, DateTimeOffset now, string homeArea)
    {
        var problems = new ProblemList();
        var leftOut = new ProblemList();
        var services = ReadServices(json, problems, leftOut);
        if (services is null || problems.Count > 0)
        {
            return new OpenReferralImportResult([], problems.ToReport());
        }
        return new OpenReferralImportResult(services.Select(s => s.ToOffer(now, homeArea)).ToList(), [])
        {
            LeftOut = leftOut.ToReport("more terms this hub does not have were left out"),
        };
    }

    private static List<ParsedService>? ReadServices(string json, ProblemList problems, ProblemList leftOut)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add("file", "The file is empty. Choose an Open Referral UK file that lists services.");
            return null;
        }

        JsonDocument document;
        try
        {
            // A byte order mark survives when bytes are decoded with Encoding.UTF8.GetString.
            document = JsonDocument.Parse(json.AsMemory().TrimStart('\uFEFF'));
        }
        catch (ArgumentException)
        {
            problems.Add("file", BrokenCharacter("The file"));
            return null;
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            var detail = e.Message.Split(" LineNumber:", 2)[0].Trim();
            problems.Add(
                $"file, line {Number(line)}, position {Number(position)}",
                $"The file is not valid JSON, so nothing in it can be read. Check for a missing comma, quote or bracket near there. ({detail})");
            return null;
        }

        using (document)
        {
            var list = FindServiceList(document.RootElement, problems);
            if (list is null)
            {
                return null;
            }

            var count = list.Value.GetArrayLength();
            if (count > MaxServices)
            {
                problems.Add("file", $"The file has {Number(count)} services; one import can take at most {Number(MaxServices)}. Split it into smaller files.");
                return null;
            }

            var services = new List<ParsedService>(count);
            var firstUse = new Dictionary<string, int>(StringComparer.Ordinal);
            var number = 0;
            foreach (var element in list.Value.EnumerateArray())
            {
                number++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"service {number}", $"Each entry in the list must be a service written in {{ }} brackets, not {KindOf(element.ValueKind)}.");
                    continue;
                }

                var service = new ServiceReader(element, number, problems, leftOut).Read();
                if (service.Id is { } id)
                {
                    if (firstUse.TryGetValue(id, out var first))
                    {
                        problems.Add($"service {number} (id {Shorten(id)}): id", $"id {Shorten(id)} is also used by service {first}; each service needs its own id.");
                    }
                    else
                    {
                        firstUse[id] = number;
                    }
                }
                services.Add(service);
            }
            return services;
        }
    }

    private static JsonElement? FindServiceList(JsonElement root, ProblemList problems)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("contents", out var contents))
        {
            if (contents.ValueKind == JsonValueKind.Array)
            {
                return contents;
            }
            problems.Add("contents", "contents must be the list of services, in [ ] brackets.");
            return null;
        }

        problems.Add("file", "The file must be a list of services in [ ] brackets, or an Open Referral API page with its services in \"contents\".");
        return null;
    }

    private static string KindOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    private static string BrokenCharacter(string what) =>
        $"{what} has a broken character in it (half of an emoji or symbol), which usually means it was saved in the wrong encoding. Save it as UTF-8 and try again.";

    private static string Number(long number) => number.ToString("N0", UkTime.Culture);

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    private static string At(string parent, string property) => parent.Length == 0 ? property : $"{parent}.{property}";

    /// <summary>
    /// Reads one service, reporting each problem against a path inside it, and each term of our own
    /// taxonomies that this hub does not have (a newer hub's flag, say) as left out: the service is
    /// imported without it rather than the whole file refused.
    /// </summary>
    private sealed class ServiceReader(JsonElement service, int number, ProblemList problems, ProblemList leftOut)
    {
        private string _prefix = $"service {number}";

        public ParsedService Read()
        {
            var s = new ParsedService { Id = Text(service, "", "id", numbersToo: true) };
            if (s.Id is null)
            {
                Missing(service, "id", "id", "id is missing; each service needs an id that stays the same from one file to the next.");
            }
            else
            {
                _prefix = $"service {number} (id {Shorten(s.Id)})";
                CheckLine(s.Id, "id", CommunityOffer.NameMaxLength);
            }

            s.Name = Text(service, "", "name");
            if (s.Name is null)
            {
                Missing(service, "name", "name", "name is missing; each service needs a name.");
            }
            CheckLine(s.Name, "name", CommunityOffer.NameMaxLength);

            s.Description = Text(service, "", "description");
            CheckText(s.Description, "description", CommunityOffer.DescriptionMaxLength);

            s.Url = Text(service, "", "url");
            CheckUrl(s.Url, "url");
            s.Email = Text(service, "", "email");
            CheckEmail(s.Email, "email");

            // HSDS 3.0's words for who it is for and how to join: Connect and Do's listing says both.
            s.WhoFor = Text(service, "", "eligibility_description");
            CheckText(s.WhoFor, "eligibility_description", CommunityOffer.WhoForMaxLength);
            s.HowToJoin = Text(service, "", "application_process");
            CheckText(s.HowToJoin, "application_process", CommunityOffer.HowToJoinMaxLength);

            ReadStatus(s);
            ReadLastModified(s);
            ReadServiceArea(s);
            ReadOrganization(s);
            ReadPhone(s);
            var locationSchedules = ReadLocation(s);
            ReadSchedules(s, locationSchedules);
            ReadLanguages(s);
            ReadCost(s);
            ReadAttributes(s);
            return s;
        }

        /// <summary>The first service area's name is the borough or area the group belongs to.</summary>
        private void ReadServiceArea(ParsedService s)
        {
            if (Objects(service, "", "service_areas").FirstOrDefault() is { Path: not null } area)
            {
                s.Area = Text(area.Item, area.Path, "name");
                CheckLine(s.Area, At(area.Path, "name"), CommunityOffer.AreaMaxLength);
            }
        }

        private void ReadStatus(ParsedService s)
        {
            var status = Text(service, "", "status");
            s.Active = status?.ToLowerInvariant() switch
            {
                null or "active" => true,
                "inactive" or "defunct" or "temporarily closed" => false,
                _ => Fail("status", $"status must be active, inactive, defunct or temporarily closed, not \"{status}\"."),
            };
        }

        private void ReadLastModified(ParsedService s)
        {
            var text = Text(service, "", "last_modified");
            if (text is null)
            {
                return;
            }
            s.UpdatedAt = OpenReferralFormat.ParseInstant(text);
            if (s.UpdatedAt is null)
            {
                Problem("last_modified", "last_modified must be a date and time, like 2026-03-01T09:30:00Z.");
            }
        }

        private void ReadOrganization(ParsedService s)
        {
            var outerId = Text(service, "", "organization_id", numbersToo: true);
            var organization = Object(service, "", "organization");
            string? innerId = null;
            if (organization is { } o)
            {
                innerId = Text(o, "organization", "id", numbersToo: true);
                s.OrganisationName = Text(o, "organization", "name");
                if (s.OrganisationName is null)
                {
                    Missing(o, "name", "organization.name", "organization.name is missing; each service needs the name of the organisation that runs it.");
                }
                CheckLine(s.OrganisationName, "organization.name", CommunityOffer.NameMaxLength);
            }
            else
            {
                Problem("organization", "organization is missing; each service needs an organization with at least a name.");
            }

            if (innerId is not null && outerId is not null && innerId != outerId)
            {
                Problem("organization_id", $"organization_id ({Shorten(outerId)}) and organization.id ({Shorten(innerId)}) name different organisations; use the same id in both.");
            }
            s.OrganisationId = innerId ?? outerId;
            CheckLine(s.OrganisationId, innerId is not null ? "organization.id" : "organization_id", CommunityOffer.NameMaxLength);
        }

        private void ReadPhone(ParsedService s)
        {
            // HSDS 3.0 puts phones on the service; some publishers hang them off a contact instead.
            foreach (var (phone, path) in Objects(service, "", "phones"))
            {
                Take(Text(phone, path, "number"), At(path, "number"));
            }
            foreach (var (contact, contactPath) in Objects(service, "", "contacts"))
            {
                foreach (var (phone, path) in Objects(contact, contactPath, "phones"))
                {
                    Take(Text(phone, path, "number"), At(path, "number"));
                }
            }

            void Take(string? number, string path)
            {
                if (number is not null && s.Phone is null)
                {
                    s.Phone = number;
                    CheckLine(number, path, PhoneMaxLength);
                }
            }
        }

        /// <summary>The first service_at_location is the one we keep; returns its own schedules, if any.</summary>
        private List<(JsonElement Item, string Path)> ReadLocation(ParsedService s)
        {
            var links = Objects(service, "", "service_at_locations");
            if (links.Count == 0)
            {
                return [];
            }

            var (link, linkPath) = links[0];
            var linkedId = Text(link, linkPath, "location_id", numbersToo: true);
            string? locationId = null;
            if (Object(link, linkPath, "location") is { } location)
            {
                var path = At(linkPath, "location");
                locationId = Text(location, path, "id", numbersToo: true);
                s.LocationName = Text(location, path, "name");
                CheckLine(s.LocationName, At(path, "name"), CommunityOffer.NameMaxLength);
                ReadAddress(s, location, path);
            }

            if (locationId is not null && linkedId is not null && locationId != linkedId)
            {
                Problem(At(linkPath, "location_id"), $"location_id ({Shorten(linkedId)}) and location.id ({Shorten(locationId)}) name different places; use the same id in both.");
            }
            s.LocationId = locationId ?? linkedId;
            CheckLine(s.LocationId, At(linkPath, locationId is not null ? "location.id" : "location_id"), CommunityOffer.NameMaxLength);
            return Objects(link, linkPath, "schedules");
        }

        private void ReadAddress(ParsedService s, JsonElement location, string locationPath)
        {
            // HSDS 3.0 says addresses; older Open Referral UK feeds say physical_addresses.
            var property = new[] { "addresses", "address", "physical_addresses" }.FirstOrDefault(p => location.TryGetProperty(p, out _));
            if (property is null)
            {
                return;
            }

            var addresses = Objects(location, locationPath, property);
            var chosen = addresses.FirstOrDefault(a => string.Equals(TextQuietly(a.Item, "address_type"), "physical", StringComparison.OrdinalIgnoreCase));
            if (chosen.Path is null)
            {
                chosen = addresses.FirstOrDefault();
            }
            if (chosen.Path is null)
            {
                return;
            }

            var (address, path) = chosen;
            var lines = new[] { "address_1", "address_2", "city" }
                .Select(p => Text(address, path, p))
                .OfType<string>()
                .ToList();
            s.Address = lines.Count == 0 ? null : string.Join(OpenReferralFormat.AddressSeparator, lines);
            CheckText(s.Address, At(path, "address_1"), CommunityOffer.NameMaxLength);
            s.Postcode = Text(address, path, "postal_code");
            CheckLine(s.Postcode, At(path, "postal_code"), CommunityOffer.PostcodeMaxLength);
        }

        private void ReadSchedules(ParsedService s, List<(JsonElement Item, string Path)> locationSchedules)
        {
            var notes = new List<string>();
            foreach (var (schedule, path) in Objects(service, "", "schedules").Concat(locationSchedules))
            {
                ReadSchedule(schedule, path, s.Sessions, notes);
            }

            s.ScheduleNote = notes.Count == 0 ? null : string.Join("\n", notes.Distinct(StringComparer.Ordinal));
            if (!TextRules.FitsWithin(s.ScheduleNote, CommunityOffer.DescriptionMaxLength))
            {
                Problem("schedules", $"The schedule descriptions together are {Number(TextRules.VisibleLength(s.ScheduleNote))} characters long; the most we can keep is {Number(CommunityOffer.DescriptionMaxLength)}.");
            }
            else if (TextRules.HasForbiddenCharacters(s.ScheduleNote, allowLineBreaks: true))
            {
                Problem("schedules", "The schedules contain hidden control or direction-changing characters, which could disguise what staff read. Remove them.");
            }
        }

        private void ReadSchedule(JsonElement schedule, string path, List<OfferSession> sessions, List<string> notes)
        {
            var byday = Text(schedule, path, "byday");
            var freqText = Text(schedule, path, "freq");
            var opensText = Text(schedule, path, "opens_at");
            var closesText = Text(schedule, path, "closes_at");
            var monthDays = Text(schedule, path, "bymonthday", numbersToo: true);
            var description = Text(schedule, path, "description");
            CheckText(description, At(path, "description"), CommunityOffer.DescriptionMaxLength);
            var valid = true;

            var opens = ReadTime(opensText, At(path, "opens_at"), "opens_at", ref valid);
            var closes = ReadTime(closesText, At(path, "closes_at"), "closes_at", ref valid);
            if (opens is { } o && closes is { } c && c <= o)
            {
                valid = Fail(At(path, "closes_at"), $"closes_at ({closesText}) must be later than opens_at ({opensText}); a session cannot run past midnight.");
            }

            var freq = freqText?.ToUpperInvariant();
            if (freq is not (null or "WEEKLY" or "MONTHLY"))
            {
                valid = Fail(At(path, "freq"), $"freq must be WEEKLY or MONTHLY, not \"{freqText}\".");
            }

            var interval = 1;
            if (schedule.TryGetProperty("interval", out var intervalValue) && intervalValue.ValueKind != JsonValueKind.Null
                && !(intervalValue.ValueKind == JsonValueKind.Number && intervalValue.TryGetInt32(out interval) && interval >= 1))
            {
                valid = Fail(At(path, "interval"), "interval must be a whole number, like 1 for every week or 2 for every other week.");
            }

            var days = new List<(int? Ordinal, DayOfWeek Day)>();
            if (byday is not null)
            {
                var tokens = byday.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 0)
                {
                    valid = Fail(At(path, "byday"), "byday must be days of the week written MO, TU, WE, TH, FR, SA or SU, like TU or TU,TH.");
                }
                foreach (var token in tokens)
                {
                    var match = ByDay().Match(token);
                    if (!match.Success)
                    {
                        valid = Fail(At(path, "byday"), $"byday must be days of the week written MO, TU, WE, TH, FR, SA or SU, like TU or TU,TH; \"{token}\" is not one.");
                    }
                    else if (match.Groups["n"].Success && freq != "MONTHLY")
                    {
                        valid = Fail(At(path, "byday"), $"byday \"{token}\" picks a week of the month, which needs freq MONTHLY.");
                    }
                    else
                    {
                        int? ordinal = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
                        days.Add((ordinal, OpenReferralFormat.DayFromCode(match.Groups["d"].Value)!.Value));
                    }
                }
            }

            if (!valid)
            {
                return;
            }

            var weekly = days.Count > 0 && days.All(d => d.Ordinal is null) && (freq is null or "WEEKLY") && interval == 1 && monthDays is null;
            if (weekly && (opensText is null) != (closesText is null))
            {
                var missing = opensText is null ? "opens_at" : "closes_at";
                Problem(At(path, missing), $"{missing} is missing; a weekly session needs both opens_at and closes_at, or neither.");
                return;
            }

            if (weekly && opens is { } start && closes is { } end)
            {
                sessions.AddRange(days.Select(d => new OfferSession(d.Day, start, end)));
                if (description is not null)
                {
                    notes.Add(description);
                }
                return;
            }

            // What a weekly session cannot hold (first Saturday of the month, every other week)
            // becomes words in the schedule note rather than being lost.
            if ((description ?? ScheduleWords.Describe(days, freq, interval, monthDays, opens, closes)) is { } note)
            {
                notes.Add(note);
            }
        }

        private TimeOnly? ReadTime(string? text, string path, string property, ref bool valid)
        {
            if (text is null)
            {
                return null;
            }
            var time = OpenReferralFormat.ParseTime(text);
            if (time is null)
            {
                valid = Fail(path, $"{property} must be a time like 18:00 (24-hour clock, 00:00 to 23:59), not \"{text}\".");
            }
            return time;
        }

        private void ReadLanguages(ParsedService s)
        {
            foreach (var (item, path) in Items(service, "", "languages"))
            {
                string? language;
                string field;
                if (item.ValueKind == JsonValueKind.String)
                {
                    (language, field) = (TextRules.Clean(item.GetString()), path);
                }
                else if (item.ValueKind == JsonValueKind.Object)
                {
                    // HSDS 3.0 has name and code; older feeds called the name "language".
                    var property = new[] { "name", "language", "code" }.FirstOrDefault(p => TextQuietly(item, p) is not null) ?? "name";
                    (language, field) = (Text(item, path, property), At(path, property));
                }
                else
                {
                    Problem(path, $"Each language must be an object with a name, not {KindOf(item.ValueKind)}.");
                    continue;
                }

                if (language is not null)
                {
                    CheckLine(language, field, CommunityOffer.NameMaxLength);
                    s.Languages.Add(language);
                }
            }
        }

        private void ReadCost(ParsedService s)
        {
            var options = new List<CostOption>();
            foreach (var (option, path) in Objects(service, "", "cost_options"))
            {
                decimal? amount = null;
                if (option.TryGetProperty("amount", out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= 0)
                    {
                        amount = number;
                    }
                    else
                    {
                        Problem(At(path, "amount"), "amount must be a number of pounds of 0 or more, like 2.50, without a £ sign or quotes.");
                    }
                }
                options.Add(new CostOption(amount, Text(option, path, "currency"), Text(option, path, "option"), Text(option, path, "amount_description")));
            }

            var fees = Text(service, "", "fees_description") ?? Text(service, "", "fees");
            s.IsFree = options.Count > 0 && options.All(o => o.Amount == 0);
            s.CostNote = fees ?? CostOption.Describe(options);
            CheckText(s.CostNote, fees is not null ? "fees_description" : "cost_options", CommunityOffer.DescriptionMaxLength);
        }

        private void ReadAttributes(ParsedService s)
        {
            var terms = new TermsRead();
            foreach (var (attribute, path) in Objects(service, "", "attributes"))
            {
                // An attribute with only a taxonomy_term_id names a term we cannot see, so there is nothing to keep.
                if (Object(attribute, path, "taxonomy_term") is { } term)
                {
                    ReadTerm(term, At(path, "taxonomy_term"), Text(attribute, path, "taxonomy_term_id", numbersToo: true), s, terms);
                }
            }

            // Open Referral UK before HSDS 3.0 linked terms through service_taxonomys.
            foreach (var (link, path) in Objects(service, "", "service_taxonomys"))
            {
                if (Object(link, path, "taxonomy") is { } term)
                {
                    ReadTerm(term, At(path, "taxonomy"), Text(link, path, "taxonomy_id", numbersToo: true), s, terms);
                }
            }

            var areas = new SortedSet<DeterminantArea>(terms.Needs);
            if (!terms.ListedNeedsOnly)
            {
                areas.UnionWith(HelpsWithMapping.FromCategories(s.Categories));
            }
            s.HelpsWith = areas.ToList();
        }

        private void ReadTerm(JsonElement term, string path, string? linkedId, ParsedService s, TermsRead terms)
        {
            var id = Text(term, path, "id", numbersToo: true) ?? linkedId;
            // HSDS 3.0 calls the term's words "name"; the draft UK profile calls them "term".
            var name = Text(term, path, "name") ?? Text(term, path, "term");
            var vocabulary = VocabularyOf(term, path);
            if (id is null)
            {
                Missing(term, "id", At(path, "id"), "id is missing; each taxonomy term needs an id.");
            }
            if (name is null)
            {
                Missing(term, "name", At(path, "name"), "name is missing; each taxonomy term needs a name.");
            }
            if (id is null || name is null)
            {
                return;
            }
            CheckLine(id, At(path, "id"), CommunityOffer.NameMaxLength);
            CheckLine(name, At(path, "name"), CommunityOffer.NameMaxLength);
            CheckLine(vocabulary, At(path, "taxonomy"), CommunityOffer.NameMaxLength);

            if (Is(vocabulary, OpenReferralVocabularies.Needs))
            {
                if (HelpsWithMapping.FromOwnTerm(id, name) is { } area)
                {
                    terms.Needs.Add(area);
                }
                else
                {
                    LeaveOut(At(path, "id"), $"\"{id}\" is not one of our life areas, so it was left out. In {OpenReferralVocabularies.Needs} this hub has: {string.Join(", ", Enum.GetNames<DeterminantArea>())}.");
                }
            }
            else if (Is(vocabulary, OpenReferralVocabularies.Flags))
            {
                if (Is(id, OpenReferralVocabularies.PeerLedTermId))
                {
                    s.PeerLed = true;
                }
                else if (Is(id, OpenReferralVocabularies.ListedNeedsOnlyTermId))
                {
                    terms.ListedNeedsOnly = true;
                }
                else if (Is(id, OpenReferralVocabularies.BringSomeoneTermId))
                {
                    s.BringSomeoneFirstTime = true;
                }
                else if (Is(id, OpenReferralVocabularies.FreeTermId))
                {
                    s.IsFree = true;
                }
                else
                {
                    LeaveOut(At(path, "id"), $"\"{id}\" is not one of our flags, so it was left out. In {OpenReferralVocabularies.Flags} this hub has: " +
                        $"{OpenReferralVocabularies.PeerLedTermId}, {OpenReferralVocabularies.FreeTermId}, {OpenReferralVocabularies.BringSomeoneTermId}, {OpenReferralVocabularies.ListedNeedsOnlyTermId}.");
                }
            }
            else if (Is(vocabulary, OpenReferralVocabularies.Interests))
            {
                if (Enum.TryParse<OfferInterest>(id, ignoreCase: true, out var interest) && ConnectWords.All<OfferInterest>().Contains(interest) && !int.TryParse(id, out _))
                {
                    s.Interests |= interest;
                }
                else
                {
                    LeaveOut(At(path, "id"), $"\"{id}\" is not one of our interests, so it was left out. In {OpenReferralVocabularies.Interests} this hub has: {string.Join(", ", ConnectWords.All<OfferInterest>())}.");
                }
            }
            else if (Is(vocabulary, OpenReferralVocabularies.Access))
            {
                if (Enum.TryParse<OfferAccess>(id, ignoreCase: true, out var access) && ConnectWords.All<OfferAccess>().Contains(access) && !int.TryParse(id, out _))
                {
                    s.Access |= access;
                }
                else
                {
                    LeaveOut(At(path, "id"), $"\"{id}\" is not one of our access needs, so it was left out. In {OpenReferralVocabularies.Access} this hub has: {string.Join(", ", ConnectWords.All<OfferAccess>())}.");
                }
            }
            else if (Is(vocabulary, OpenReferralVocabularies.Neighbourhood))
            {
                if (s.Neighbourhood is null)
                {
                    s.Neighbourhood = name;
                }
                else if (s.Neighbourhood != name)
                {
                    Problem(path, $"A service can have only one neighbourhood, but this one has both \"{s.Neighbourhood}\" and \"{name}\".");
                }
            }
            else
            {
                s.Categories.Add(new OfferCategory(id, name, vocabulary));
            }
        }

        private string? VocabularyOf(JsonElement term, string path)
        {
            // HSDS 3.0: taxonomy (text) or taxonomy_detail.name; Open Referral UK 1.0: vocabulary.
            if (term.TryGetProperty("taxonomy", out var taxonomy) && taxonomy.ValueKind == JsonValueKind.String && TextRules.Clean(taxonomy.GetString()) is { } named)
            {
                return named;
            }
            if (Text(term, path, "vocabulary") is { } vocabulary)
            {
                return vocabulary;
            }
            return Object(term, path, "taxonomy_detail") is { } detail ? Text(detail, At(path, "taxonomy_detail"), "name") : null;
        }

        private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

        /// <summary>Reports a required value as missing, unless it is there but of the wrong kind, which Text has reported already.</summary>
        private void Missing(JsonElement obj, string property, string path, string message)
        {
            var reported = obj.TryGetProperty(property, out var value)
                && (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
                    || (value.ValueKind == JsonValueKind.String && SafeString(value) is null));
            if (!reported)
            {
                Problem(path, message);
            }
        }

        private void Problem(string path, string message) => problems.Add($"{_prefix}: {path}", message);

        /// <summary>A term a newer hub may have and this one does not: the service is imported without it, and the report says so.</summary>
        private void LeaveOut(string path, string message) => leftOut.Add($"{_prefix}: {path}", message);

        /// <summary>Reports and returns false, so a check can read as one line.</summary>
        private bool Fail(string path, string message)
        {
            Problem(path, message);
            return false;
        }

        private string? Text(JsonElement obj, string parent, string property, bool numbersToo = false)
        {
            if (!obj.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.String)
            {
                try
                {
                    return TextRules.Clean(value.GetString());
                }
                catch (InvalidOperationException)
                {
                    Problem(At(parent, property), BrokenCharacter(property));
                    return null;
                }
            }
            if (numbersToo && value.ValueKind == JsonValueKind.Number)
            {
                return value.GetRawText();
            }
            Problem(At(parent, property), $"{property} must be text in quotes, not {KindOf(value.ValueKind)}.");
            return null;
        }

        private static string? TextQuietly(JsonElement obj, string property) =>
            obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? TextRules.Clean(SafeString(value))
                : null;

        private static string? SafeString(JsonElement value)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        private JsonElement? Object(JsonElement obj, string parent, string property)
        {
            if (!obj.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Object)
            {
                return value;
            }
            Problem(At(parent, property), $"{property} must be an object in {{ }} brackets, not {KindOf(value.ValueKind)}.");
            return null;
        }

        private List<(JsonElement Item, string Path)> Items(JsonElement obj, string parent, string property)
        {
            if (!obj.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }
            var path = At(parent, property);
            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(path, $"{property} must be a list in [ ] brackets, not {KindOf(value.ValueKind)}.");
                return [];
            }
            return value.EnumerateArray().Select((item, i) => (item, $"{path}[{i}]")).ToList();
        }

        private List<(JsonElement Item, string Path)> Objects(JsonElement obj, string parent, string property)
        {
            var objects = new List<(JsonElement Item, string Path)>();
            foreach (var (item, path) in Items(obj, parent, property))
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    objects.Add((item, path));
                }
                else
                {
                    Problem(path, $"Each entry in {property} must be an object in {{ }} brackets, not {KindOf(item.ValueKind)}.");
                }
            }
            return objects;
        }

        private void CheckLine(string? value, string path, int max)
        {
            var property = path[(path.LastIndexOf('.') + 1)..];
            if (!TextRules.FitsWithin(value, max))
            {
                Problem(path, $"{property} is {Number(TextRules.VisibleLength(value))} characters long; the most we can keep is {Number(max)}.");
            }
            else if (TakesMoreRoomThan(value, max))
            {
                Problem(path, TooMuchRoom(property, max));
            }
            else if (TextRules.HasForbiddenCharacters(value, allowLineBreaks: false))
            {
                Problem(path, $"{property} must be on one line, without hidden control or direction-changing characters.");
            }
        }

        /// <summary>
        /// Columns hold <paramref name="max"/> UTF-16 code units (nvarchar on SQL Server; code points on
        /// PostgreSQL): letters carrying many accents, and symbols outside the basic plane, take more
        /// than one each, so text within the limit to read can still be too long to keep.
        /// </summary>
        private static bool TakesMoreRoomThan(string? value, int max) => (value?.Length ?? 0) > max;

        private static string TooMuchRoom(string property, int max) =>
            $"{property} has letters with many accents or symbols that take up extra room, so it is too long to keep; shorten it to fewer than {Number(max)} characters.";

        private void CheckText(string? value, string path, int max)
        {
            var property = path[(path.LastIndexOf('.') + 1)..];
            if (!TextRules.FitsWithin(value, max))
            {
                Problem(path, $"{property} is {Number(TextRules.VisibleLength(value))} characters long; the most we can keep is {Number(max)}.");
            }
            else if (TakesMoreRoomThan(value, max))
            {
                Problem(path, TooMuchRoom(property, max));
            }
            else if (TextRules.HasForbiddenCharacters(value, allowLineBreaks: true))
            {
                Problem(path, $"{property} contains hidden control or direction-changing characters, which could disguise what staff read. Remove them.");
            }
        }

        private void CheckUrl(string? url, string path)
        {
            // Staff open these links, so only real web addresses: never javascript: or data:.
            if (url is not null && (url.Length > UrlMaxLength
                || TextRules.HasForbiddenCharacters(url, allowLineBreaks: false)
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("https" or "http")))
            {
                Problem(path, "url must be a full web address starting with https:// or http://, like https://www.example.org.");
            }
        }

        private void CheckEmail(string? email, string path)
        {
            if (email is not null && (email.Length > EmailMaxLength
                || TextRules.HasForbiddenCharacters(email, allowLineBreaks: false)
                || !ContactDetails.IsPlausibleEmail(email)))
            {
                Problem(path, "email must be an email address, like name@example.org.");
            }
        }
    }

    private sealed class TermsRead
    {
        public HashSet<DeterminantArea> Needs { get; } = [];
        public bool ListedNeedsOnly { get; set; }
    }

    /// <summary>A service's fields as read, before any entity exists; only built into an offer if the whole file is good.</summary>
    private sealed class ParsedService
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? OrganisationId { get; set; }
        public string? OrganisationName { get; set; }
        public string? Url { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public bool Active { get; set; } = true;
        public DateTimeOffset? UpdatedAt { get; set; }
        public string? LocationId { get; set; }
        public string? LocationName { get; set; }
        public string? Address { get; set; }
        public string? Postcode { get; set; }
        public string? Neighbourhood { get; set; }
        public List<OfferSession> Sessions { get; } = [];
        public string? ScheduleNote { get; set; }
        public List<string> Languages { get; } = [];
        public bool IsFree { get; set; }
        public string? CostNote { get; set; }
        public bool PeerLed { get; set; }
        public List<OfferCategory> Categories { get; } = [];
        public List<DeterminantArea> HelpsWith { get; set; } = [];
        public string? Area { get; set; }
        public string? WhoFor { get; set; }
        public string? HowToJoin { get; set; }
        public bool BringSomeoneFirstTime { get; set; }
        public OfferInterest Interests { get; set; }
        public OfferAccess Access { get; set; }

        public CommunityOffer ToOffer(DateTimeOffset now, string homeArea)
        {
            // Reached only when nothing was reported, so the required fields are present.
            var offer = new CommunityOffer(Name!, OrganisationName!, UpdatedAt ?? now, Area ?? homeArea);
            offer.Describe(Name!, Description, OrganisationName!, Categories, HelpsWith, PeerLed, Languages);
            offer.Locate(Neighbourhood, LocationName, Address, Postcode);
            offer.Schedule(Sessions, ScheduleNote);
            offer.SetCost(IsFree, CostNote);
            offer.SetContact(Phone, Email, Url);
            // Ids the export made up for an offer that had none are not the directory's ids: drop them.
            var organisationId = OrganisationId == OpenReferralFormat.DerivedOrganisationId(OrganisationName!) ? null : OrganisationId;
            var locationId = LocationId == OpenReferralFormat.ChildId(Id!, "location", 0) ? null : LocationId;
            offer.LinkExternal(Id, organisationId, locationId);
            offer.DescribeForPublic(WhoFor, HowToJoin, BringSomeoneFirstTime, Interests, Access);
            offer.SetActive(Active);
            return offer;
        }
    }

    private sealed record CostOption(decimal? Amount, string? Currency, string? Option, string? AmountDescription)
    {
        /// <summary>
        /// Prices in words ("Adults: £5 per session"), for files that give cost_options but no
        /// fees_description. Nothing when the options only say "free", which IsFree already holds.
        /// </summary>
        public static string? Describe(IReadOnlyList<CostOption> options)
        {
            if (!options.Any(o => o.Option is not null || o.AmountDescription is not null || o.Amount is > 0m))
            {
                return null;
            }

            var lines = options.Select(o =>
            {
                var price = o.Amount switch
                {
                    null => null,
                    0m => "free",
                    { } amount => Money(amount, o.Currency),
                };
                var tail = string.Join(" ", new[] { price, o.AmountDescription }.OfType<string>());
                var line = o.Option is null ? tail : tail.Length == 0 ? o.Option : $"{o.Option}: {tail}";
                return line.Length == 0 ? line : char.ToUpperInvariant(line[0]) + line[1..];
            });
            return TextRules.Clean(string.Join("\n", lines.Where(l => l.Length > 0)));
        }

        private static string Money(decimal amount, string? currency)
        {
            var number = amount.ToString(amount % 1 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture);
            return currency is null || string.Equals(currency, OpenReferralFormat.UkCurrency, StringComparison.OrdinalIgnoreCase)
                ? $"£{number}"
                : $"{number} {currency.ToUpperInvariant()}";
        }
    }

    private sealed class ProblemList
    {
        private readonly List<ImportProblem> _listed = [];
        private int _unlisted;

        public int Count => _listed.Count + _unlisted;

        public void Add(string where, string message)
        {
            if (_listed.Count < MaxProblemsListed)
            {
                _listed.Add(new ImportProblem(where, message));
            }
            else
            {
                _unlisted++;
            }
        }

        public IReadOnlyList<ImportProblem> ToReport(string? more = null) => _unlisted == 0
            ? _listed.ToList()
            : [.. _listed, new ImportProblem("file", more is null ? $"There are {Number(_unlisted)} more problems not listed here. Fix these first, then try again." : $"{Number(_unlisted)} {more}.")];
    }

    [GeneratedRegex(@"^(?<n>[+-]?[1-5])?(?<d>MO|TU|WE|TH|FR|SA|SU)$", RegexOptions.IgnoreCase)]
    private static partial Regex ByDay();
}
