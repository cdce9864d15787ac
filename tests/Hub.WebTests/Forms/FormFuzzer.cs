using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using Hub.TestSupport;
using Hub.WebTests.Referrals;

namespace Hub.WebTests.Forms;

/// <summary>One generated send of a form: the field it aims at, the value(s) sent for it, and its kinds of trouble (for counts only).</summary>
internal sealed record FuzzInput(FoundForm Form, string Field, IReadOnlyList<Hostile> Values, IReadOnlyList<string> Kinds, byte[]? File = null, int ExtraFields = 0)
{
    public const string AnyField = "(whole form)";

    public FoundField? Target => Form.Fields.FirstOrDefault(f => f.Name == Field);

    /// <summary>A typed box got, as the value the page reads, something no text rule allows: the page must refuse it next to the box.</summary>
    public bool MustBeNamed => Target is { IsTyped: true } && Values.Count > 0 && Values[0].BreaksEveryTextRule;

    public string Kind => string.Join("+", Kinds);
}

/// <summary>What one send came to: its status and every way it broke the bar.</summary>
internal sealed record FuzzOutcome(FuzzInput Input, int Status, IReadOnlyList<string> Problems)
{
    public bool Accepted => Status is >= 300 and < 400;
}

/// <summary>
/// Sends generated hostile values to found forms, field by field, keeping every other field as the
/// page gave it, a few sends at a time; judges each response against quality bar 8.
/// </summary>
internal sealed class FormFuzzer(IReadOnlyDictionary<string, HttpClient> clients, ulong seed)
{
    public const int Batch = 4;

    /// <summary>Pages that answer a good send in place rather than with a redirect (the address is never revealed; a link page says what became of the link; more rows for people).</summary>
    // The subject access search answers in place: the address it searched for never goes in a redirect's address.
    private static readonly string[] AnswerInPlace = ["/my/new-link", "/my/code", "/my/link/", "/space/sign-in", "/space/link/", "handler=addpeople", "handler=autosave", "/staff/subject-access"];

    private static readonly HtmlParser Parser = new();

    /// <summary>The marker every markup payload carries (see <see cref="BadInputs.Html"/>).</summary>
    private const string Marker = "hubxss";

    /// <summary>
    /// The inputs for one form: for every field a few values of each kind, two of 100,000 characters
    /// for a typed box (one for any other field), repeats of the field, a body of 2,000 fields and,
    /// with <paramref name="withOversizeValue"/>, a 2 MB value in its first typed box.
    /// </summary>
    public List<FuzzInput> InputsFor(FoundForm form, int perTyped, int perOther, bool withOversizeValue)
    {
        var inputs = new List<FuzzInput>();
        var shapesSeen = new HashSet<string>();
        var fieldNumber = 0;
        foreach (var field in form.Fields.Where(f => f.Name != FoundField.AntiforgeryName))
        {
            fieldNumber++;
            var rnd = new Rnd(Mix(seed, form.Key + "|" + field.Name));
            if (field.Shape == FieldShape.File)
            {
                inputs.AddRange(FileInputs(form, field, perTyped * 2, rnd));
                continue;
            }
            // Rows of the same kind ("Goals[0]", "Goals[1]") share most of one row's share.
            var rowShape = System.Text.RegularExpressions.Regex.Replace(field.Name, "[0-9a-f]{32}|[0-9]+", "n");
            var share = (shapesSeen.Add(rowShape) ? 1.0 : 0.3) * (form.IsVariant ? 0.15 : 1.0);
            var count = Math.Max(2, (int)Math.Round((field.IsTyped ? perTyped : perOther) * share));
            var values = Gen.Sample(HostileValues.For(field.Shape), count, rnd, 20);
            inputs.AddRange(values.Select(v => new FuzzInput(form, field.Name, [v], [v.Kind])));

            var huge = field.IsTyped && share >= 1.0 ? 2 : share >= 1.0 ? 1 : 0;
            inputs.AddRange(Enumerable.Range(0, huge).Select(i => new FuzzInput(form, field.Name, [HostileValues.Huge(fieldNumber + 3 * i)], ["huge"])));
            if (field.IsTyped && share >= 1.0)
            {
                // Short to read, long to store: within most boxes' limits, beyond the smaller columns.
                inputs.Add(new FuzzInput(form, field.Name, [HostileValues.GraphemeBomb(20)], ["grapheme-bomb"]));
            }

            if (field.Place == FieldPlace.Body && share >= 1.0)
            {
                var given = field.Given.FirstOrDefault() ?? string.Empty;
                inputs.Add(new FuzzInput(form, field.Name, [values[0], new Hostile(given, "valid")], ["repeated-field", values[0].Kind]));
                inputs.Add(new FuzzInput(form, field.Name, [new Hostile(given, "valid"), values[^1], values[0]], ["repeated-field", values[^1].Kind]));
            }
        }
        if (!form.IsVariant && !form.Multipart)
        {
            if (withOversizeValue)
            {
                var typed = form.Fields.FirstOrDefault(f => f.IsTyped && f.Place == FieldPlace.Body)?.Name ?? "Extra";
                inputs.Add(new FuzzInput(form, typed, [new Hostile(BadInputs.Repeat("I feel low. ", 2 * 1024 * 1024), "oversize")], ["oversize"]));
            }
            inputs.Add(new FuzzInput(form, FuzzInput.AnyField, [], ["oversize", "repeated-field"], ExtraFields: 2_000));
        }
        return inputs;
    }

    /// <summary>
    /// Sends every input for <paramref name="form"/>, <see cref="Batch"/> at a time. After a batch with
    /// an accepted send the page is read again, so tokens and versions stay as a person's browser has them.
    /// </summary>
    public async Task<List<FuzzOutcome>> RunAsync(FoundForm form, IReadOnlyList<FuzzInput> inputs, IReadOnlyList<string> routes)
    {
        var client = clients[form.Role];
        // As a person would: the page is read just before its form is sent, so earlier forms' changes are in it.
        var current = form.IsGet ? form : await RefreshAsync(client, form, routes) ?? form;
        var outcomes = new List<FuzzOutcome>();
        foreach (var batch in inputs.Chunk(Batch))
        {
            var sent = await Task.WhenAll(batch.Select(input => SendAsync(client, current, input)));
            outcomes.AddRange(sent);
            if (sent.Any(o => o.Accepted) && !form.IsGet)
            {
                current = await RefreshAsync(client, form, routes) ?? current;
            }
        }
        return outcomes;
    }

    private static async Task<FoundForm?> RefreshAsync(HttpClient client, FoundForm form, IReadOnlyList<string> routes)
    {
        var response = await client.GetAsync(form.Page);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }
        var page = await response.ReadDocumentAsync();
        return FoundForms.On(page, form.Role, form.Page, routes).FirstOrDefault(f => f.Key == form.Key);
    }

    private async Task<FuzzOutcome> SendAsync(HttpClient client, FoundForm form, FuzzInput input)
    {
        var problems = new List<string>();
        int status;
        try
        {
            using var request = Build(form, input);
            using var response = await client.SendAsync(request);
            status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            var body = mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType.Contains("json", StringComparison.Ordinal)
                ? await response.Content.ReadAsStringAsync()
                : string.Empty;
            Judge(form, input, status, mediaType, body, problems);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            status = 0;
            problems.Add("transport error " + ex.GetType().Name);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // A path segment holding %00: the test server cannot even build the request, where Kestrel
            // refuses it with 400 before the hub sees it. So it never reaches the hub: counted as that 400.
            status = 400;
        }
        return new FuzzOutcome(input, status, problems);
    }

    private static HttpRequestMessage Build(FoundForm form, FuzzInput input)
    {
        var url = form.Action.Split('#')[0];
        var body = new List<(string Name, string Value, bool PreEncoded)>();
        var target = input.Target;
        foreach (var field in form.Fields.Where(f => f.Place == FieldPlace.Body && f.Shape != FieldShape.File))
        {
            if (field.Name == input.Field)
            {
                body.AddRange(input.Values.Select(v => (field.Name, v.Value, v.PreEncoded)));
            }
            else
            {
                body.AddRange(field.Given.Select(v => (field.Name, v, false)));
            }
        }
        if (target is null && input.Field != FuzzInput.AnyField)
        {
            body.AddRange(input.Values.Select(v => (input.Field, v.Value, v.PreEncoded)));
        }
        var first = body.FirstOrDefault(b => b.Name != FoundField.AntiforgeryName);
        for (var i = 0; i < input.ExtraFields; i++)
        {
            body.Add((first.Name ?? "Extra", "x", false));
        }
        if (target is { Place: FieldPlace.Query })
        {
            url = WithQueryValue(url, target.Name, input.Values[0]);
        }
        if (target is { Place: FieldPlace.Path })
        {
            var value = input.Values[0];
            url = url.Replace("/" + Uri.EscapeDataString(target.Given[0]), "/" + (value.PreEncoded ? value.Value : Uri.EscapeDataString(value.Value)), StringComparison.Ordinal);
        }

        if (form.IsGet)
        {
            var query = string.Join("&", body.Select(Encode));
            return new HttpRequestMessage(HttpMethod.Get, query.Length == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
        }
        HttpContent content;
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value, _) in body)
            {
                multipart.Add(new StringContent(value), name);
            }
            if (input.File is not null)
            {
                var file = new ByteArrayContent(input.File);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                multipart.Add(file, input.Field, "directory.json");
            }
            content = multipart;
        }
        else
        {
            content = new ByteArrayContent(Encoding.ASCII.GetBytes(string.Join("&", body.Select(Encode))));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };

        static string Encode((string Name, string Value, bool PreEncoded) field) =>
            WebUtility.UrlEncode(field.Name) + "=" + (field.PreEncoded ? field.Value : WebUtility.UrlEncode(field.Value));
    }

    private static string WithQueryValue(string url, string name, Hostile value)
    {
        var parts = url.Split('?', 2);
        var encoded = value.PreEncoded ? value.Value : Uri.EscapeDataString(value.Value);
        var query = (parts.Length == 2 ? parts[1] : string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)[0] == name ? $"{name}={encoded}" : p);
        return parts[0] + "?" + string.Join("&", query);
    }

    /// <summary>Markup from generated input that reached a response unencoded: a payload's raw text, a script tag the hub did not write, an event attribute.</summary>
    public static IEnumerable<string> Unencoded(string body, IHtmlDocument? page)
    {
        foreach (var echo in BadInputs.UnencodedEchoes.Where(e => body.Contains(e, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"markup echoed unencoded ('{echo}')";
        }
        if (SelfReferralValidationTests.ScriptTagsNotFromThePage(body) > 0)
        {
            yield return "a <script tag that is not the hub's own";
        }
        // The hub's policy allows no inline handlers, so it writes none: any on... attribute came from input.
        if (page is not null && page.All.Any(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))))
        {
            yield return "an injected on... attribute";
        }
    }

    private static void Judge(FoundForm form, FuzzInput input, int status, string mediaType, string body, List<string> problems)
    {
        if (status >= 500)
        {
            problems.Add($"server error {status}");
        }
        // Markup from a payload always carries its marker in plain letters (encoding changes only <, >, quotes
        // and &), so only those pages are parsed whole; the rest are read as text.
        var page = mediaType == "text/html" && body.Contains(Marker, StringComparison.OrdinalIgnoreCase) ? Parser.ParseDocument(body) : null;
        problems.AddRange(Unencoded(body, page));

        var inPlace = AnswerInPlace.Any(a => form.Action.Contains(a, StringComparison.OrdinalIgnoreCase));
        if (status is >= 300 and < 400)
        {
            if (input.MustBeNamed)
            {
                problems.Add("accepted a value no text rule allows");
            }
            return;
        }
        if (mediaType != "text/html")
        {
            if (input.MustBeNamed && status is not (400 or 413 or 422))
            {
                problems.Add($"answered {status} ({mediaType}) to a value no text rule allows");
            }
            return;
        }

        var summary = SummaryOf(body);
        var targets = summary.Select(li => li.QuerySelector("a")?.GetAttribute("href")).OfType<string>().Select(h => h.TrimStart('#')).ToList();
        foreach (var target in targets.Where(t => !HasId(body, t)).Distinct())
        {
            problems.Add($"error link #{target} leads nowhere");
        }
        if (summary.Any(li => li.TextContent.Trim().Length == 0))
        {
            problems.Add("an empty error message");
        }
        if (status == 409 && !form.IsGet)
        {
            problems.Add("refused with a bare 409 page (a domain rule the use case did not check)");
        }
        if (status != 200)
        {
            // A whole-form refusal (antiforgery, unreadable or oversize body) or a record that is not there.
            if (input.MustBeNamed && status is not (400 or 413))
            {
                problems.Add($"answered {status} to a value no text rule allows, with no message next to the field");
            }
            return;
        }
        if (!form.IsGet && !inPlace && summary.Count == 0)
        {
            problems.Add("refused without an error summary");
        }
        // Where the field's form has gone from the page (its offer answered meanwhile), the message stays in the summary without a link.
        var boxGone = !HasId(body, Hub.Web.Design.Nhs.IdFor(input.Field)) && summary.Count > 0;
        if (input.MustBeNamed && !boxGone && !targets.Any(t => Names(t, input.Field)))
        {
            problems.Add(summary.Count == 0 ? "a value no text rule allows, and no error summary" : "the error summary does not name the field");
        }
    }

    /// <summary>The NHS error summary's entries, read from its own list rather than the whole page.</summary>
    private static List<AngleSharp.Dom.IElement> SummaryOf(string body)
    {
        var start = body.IndexOf("<ul class=\"nhsuk-list nhsuk-error-summary__list\">", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }
        var end = body.IndexOf("</ul>", start, StringComparison.Ordinal);
        return Parser.ParseDocument(body[start..(end + 5)]).QuerySelectorAll("li").ToList();
    }

    /// <summary>Whether the page has an element with this id (the hub writes every id as id="...").</summary>
    private static bool HasId(string body, string id) => body.Contains($"id=\"{id}\"", StringComparison.Ordinal);

    /// <summary>Whether a summary link lands on the field, or on its row (a session's day, a DIALOG item's rating, one offer's box).</summary>
    private static bool Names(string target, string field)
    {
        var id = Hub.Web.Design.Nhs.IdFor(field);
        if (target == id)
        {
            return true;
        }
        var row = field.LastIndexOf(']');
        return row > 0 && target.StartsWith(Hub.Web.Design.Nhs.IdFor(field[..(row + 1)]), StringComparison.Ordinal);
    }

    /// <summary>Files for an import box: not JSON, not UTF-8, empty, deeply nested, huge, and directories whose one service carries a hostile value.</summary>
    private static IEnumerable<FuzzInput> FileInputs(FoundForm form, FoundField field, int count, Rnd rnd)
    {
        FuzzInput File(string kind, byte[] content) => new(form, field.Name, [], [kind], content);
        yield return File("blank", []);
        yield return File("html", Encoding.UTF8.GetBytes("<script>hubxss(20)</script>"));
        yield return File("bad-encoding", [0x5B, 0x7B, 0x22, 0x6E, 0xC3, 0x28, 0xE9, 0xFF, 0x22, 0x7D, 0x5D]);
        yield return File("deep", Encoding.ASCII.GetBytes(new string('[', 100_000)));
        yield return File("huge", Encoding.UTF8.GetBytes(BadInputs.Repeat("a", 100_000)));
        yield return File("oversize", new byte[11 * 1024 * 1024]);
        string[] places = ["name", "description", "organization.name", "id", "email", "url", "phone", "language", "location", "postcode", "schedule"];
        var values = Gen.Sample(from place in Gen.Elements(places) from value in HostileValues.InsideAFile() select (place, value), count, rnd, 20)
            .Concat(places.Select(place => (place, HostileValues.GraphemeBomb(20))));
        foreach (var (place, value) in values)
        {
            yield return File("file:" + place + ":" + value.Kind, Encoding.UTF8.GetBytes(ServiceWith(place, value.Value)));
        }
    }

    /// <summary>An Open Referral UK directory of one invented service, with <paramref name="value"/> in one of its boxes.</summary>
    private static string ServiceWith(string place, string value)
    {
        string V(string here, string otherwise) => here == place ? value : otherwise;
        var service = new Dictionary<string, object?>
        {
            ["id"] = V("id", "fuzz-service-1"),
            ["name"] = V("name", "Invented walking group"),
            ["description"] = V("description", "An invented group that walks on Saturdays."),
            ["email"] = V("email", "walk@example.org"),
            ["url"] = V("url", "https://walk.example.org"),
            ["organization"] = new Dictionary<string, object?> { ["id"] = "fuzz-org-1", ["name"] = V("organization.name", "Invented Walkers") },
            ["phones"] = new[] { new Dictionary<string, object?> { ["number"] = V("phone", "01632 960 001") } },
            ["languages"] = new[] { new Dictionary<string, object?> { ["name"] = V("language", "English") } },
            ["schedules"] = new[] { new Dictionary<string, object?> { ["freq"] = "WEEKLY", ["byday"] = "SA", ["opens_at"] = "10:00:00", ["closes_at"] = "12:00:00", ["description"] = V("schedule", "Saturday mornings") } },
            ["service_at_locations"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["location"] = new Dictionary<string, object?>
                    {
                        ["id"] = "fuzz-location-1", ["name"] = V("location", "Invented Park"),
                        ["addresses"] = new[] { new Dictionary<string, object?> { ["address_1"] = "1 Invented Road", ["postal_code"] = V("postcode", "MW1 4QT") } },
                    },
                },
            },
        };
        return JsonSerializer.Serialize(new[] { service });
    }

    /// <summary>A seed for one field of one form, the same every run for the same run seed.</summary>
    private static ulong Mix(ulong seed, string text)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
