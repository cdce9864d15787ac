using System.Globalization;
using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Hub.Application.Referrals;
using Hub.Domain.People;

namespace Hub.WebTests.Referrals;

/// <summary>One form field as it goes on the wire; <paramref name="PreEncoded"/> values are sent as raw (possibly broken) percent-encoding.</summary>
internal sealed record WireField(string Name, string Value, bool PreEncoded = false);

/// <summary>A generated post: which handler it goes to, its fields, and the kinds of trouble it carries (for counts only).</summary>
internal sealed record BadInput(string Target, IReadOnlyList<WireField> Fields, IReadOnlySet<string> Kinds)
{
    /// <summary>Replaced, at send time, by a fresh GUID so every stored referral can be traced to its post.</summary>
    public const string FreshToken = "{fresh-token}";

    /// <summary>The value model binding uses for a scalar: the first one posted.</summary>
    public string? First(string name) => Fields.FirstOrDefault(f => f.Name == name)?.Value;

    public byte[] Encode(string antiforgeryToken, Guid freshToken)
    {
        var body = new StringBuilder();
        void Append(string name, string value, bool preEncoded)
        {
            if (body.Length > 0) body.Append('&');
            body.Append(WebUtility.UrlEncode(name)).Append('=').Append(preEncoded ? value : WebUtility.UrlEncode(value));
        }

        Append("__RequestVerificationToken", antiforgeryToken, false);
        foreach (var field in Fields)
        {
            Append(field.Name, field.Value == FreshToken ? freshToken.ToString() : field.Value, field.PreEncoded);
        }
        return Encoding.ASCII.GetBytes(body.ToString());
    }
}

/// <summary>
/// FsCheck generators for hostile input to the public forms: huge strings, control and bidi
/// characters, HTML and script, SQL fragments, bad dates, unknown enum values, repeated fields,
/// broken percent-encoding, and text that is short to read but long to store.
/// </summary>
internal static class BadInputs
{
    public static readonly string[] AnswerFields = typeof(SelfReferralAnswers).GetProperties().Select(p => "Answers." + p.Name).ToArray();

    /// <summary>Every question page of the self-referral; an input goes to one of them, or is answered page by page and sent.</summary>
    public static readonly string[] QuestionSlugs = Hub.Web.Pages.Refer.SelfReferralQuestions.All.Select(q => q.Slug).ToArray();

    /// <summary>Script payloads carry the marker "hubxss"; a response must never contain one unencoded.</summary>
    public static readonly string[] Html =
    [
        "<script>hubxss(1)</script>",
        "\"><script>hubxss(2)</script>",
        "<img src=x onerror=hubxss(3)>",
        "</textarea><script>hubxss(4)</script>",
        "' onmouseover='hubxss(5)",
        "\" autofocus onfocus=\"hubxss(6)",
        "<svg/onload=hubxss(7)>",
        "<SCRIPT SRC=//evil.example/hubxss.js></SCRIPT>",
        "<scr<script>ipt>hubxss(9)</script>",
        "</title><script>hubxss(10)</script>",
        "<!--", "]]>", "&lt;b&gt;", "&#60;script&#62;", "{{7*7}}", "@(1+1)", "${hubxss}",
    ];

    /// <summary>Raw fragments that must never appear in a response (their encoded forms are fine).</summary>
    public static readonly string[] UnencodedEchoes =
    [
        "<script>hubxss", "<img src=x onerror=hubxss", "' onmouseover='hubxss", "\" autofocus onfocus=\"hubxss", "<svg/onload=hubxss",
        "<script src=//evil", "ipt>hubxss", "</title><script",
    ];

    public static readonly string[] Sql =
    [
        "'; DROP TABLE \"Referrals\";--", "' OR '1'='1", "1; SELECT pg_sleep(10)--", "\\'; DELETE FROM \"People\" WHERE ''='",
        "Robert'); DROP TABLE Students;--", "%' AND 1=0 UNION SELECT \"PasswordHash\" FROM \"AspNetUsers\"--", "$$; COPY x TO PROGRAM 'id'; $$",
    ];

    // NUL is left to a few inputs ("huge", raw %00, an enum): ASP.NET Core refuses a whole form holding one (400).
    public static readonly string[] Control = Enumerable.Range(1, 31).Select(c => ((char)c).ToString())
        .Append("\u007F").Append("\u0085").Append("\u0080").Append("\u009B").Append("\r").Append("\r\n").ToArray();

    public static readonly string[] Bidi =
        ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

    public static readonly string[] OddUnicode =
    [
        "\u200B", "\u200D", "\u2060", "\uFEFF", "\u00A0", "\u2028", "\u2029", "\uFFFD", "\uFFFF", "\uE000", "\u0378", "\U0010FFFF",
        "\U0001F600", "\U0001F469\u200D\U0001F4BB", "\U0001F1EC\U0001F1E7", "\u0627\u0644\u0633\u0644\u0627\u0645", "Si\u00E2n", "Sia\u0302n",
        "\uFF11\uFF12", "\u0663", "\u00DF", "\u0130", "\u1E9E", "\u0915\u093C", "\u3000",
    ];

    public static readonly string[] BadDates = ["0", "-1", "32", "13", "00", "1e3", "0x1F", " 7", "7 ", "+7", "99999999999", "\u0663", "\uFF11", "2999", "1899", "0001", "29", "2", "2023", "1.5", "NaN", ""];

    public static readonly string[] BadEnums = ["0", "5", "-1", "99", "Phone,Email", "phone", "PHONE", "2147483648", "TheyWillCallUs ", "Email\0", "Text;Email", "4.0", "null", "yes", "Yes", "true", "1"];

    /// <summary>Broken or unusual percent-encoding, sent as is.</summary>
    public static readonly string[] RawEncoded = ["%FF", "%C0%AF", "%ED%A0%80", "%00", "%", "%zz", "%E2%80%AE", "a+b", "%F0%9F", "%2525", "%EF%BB%BF"];

    public static readonly string[] Blank = ["", " ", "\t", "\u00A0", "\r\n", "   \n  "];

    public const string Marks = "\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B\u030C\u030D\u030E\u030F";

    public static Gen<BadInput> Input()
    {
        var fieldsGen = Gen.Frequency(
            (3, MostlyValid()),
            (2, AcceptableButHostileText()),
            (5, RandomFields()));
        return from fields in fieldsGen
               from target in Gen.Frequency((70, Gen.Elements(QuestionSlugs)), (30, Gen.Constant("send")))
               from token in Gen.Frequency(
                   (9, Gen.Constant(new Labelled(BadInput.FreshToken, "token"))),
                   (1, Gen.Elements("", "not-a-guid", Guid.Empty.ToString(), "{" + Guid.Empty + "}", new string('f', 5000), "00000000-0000-0000-0000-00000000000g")
                       .Select(t => new Labelled(t, "bad-token"))))
               from honeypot in Gen.Frequency((19, Gen.Constant<Labelled?>(null)), (1, Gen.Elements("https://spam.example", " ", "x").Select(v => (Labelled?)new Labelled(v, "honeypot"))))
               select Build(target, fields, token, honeypot);
    }

    private static BadInput Build(string target, List<(WireField Field, string Kind)> fields, Labelled token, Labelled? honeypot)
    {
        var wire = fields.Select(f => f.Field).ToList();
        var kinds = fields.Select(f => f.Kind).ToHashSet();
        if (target == "send")
        {
            wire.Add(new WireField("FormToken", token.Value));
            kinds.Add(token.Kind);
        }
        if (honeypot is not null)
        {
            wire.Add(new WireField("Website", honeypot.Value));
            kinds.Add(honeypot.Kind);
        }
        return new BadInput(target, wire, kinds);
    }

    /// <summary>A valid way back in touch plus one or two hostile answers: exercises each field's own rule, and stores some.</summary>
    private static Gen<List<(WireField, string)>> MostlyValid() =>
        from first in Gen.Elements(AnswerFields)
        from second in Gen.Elements(AnswerFields)
        from a in Value(first)
        from b in Value(second)
        select new List<(WireField, string)>
        {
            (new WireField("Answers.ContactMethod", "TheyWillCallUs"), "valid"),
            (new WireField(first, a.Value, a.PreEncoded), a.Kind),
            (new WireField(second, b.Value, b.PreEncoded), b.Kind),
        };

    private static readonly string[] FreeTextFields =
        ["Answers.PreferredName", "Answers.WhatIsHappening", "Answers.WhatWouldHelp", "Answers.PreferredLanguage", "Answers.AccessNeeds"];

    /// <summary>
    /// Answers the rules allow but that are hostile to what comes after them (markup, SQL, unusual
    /// Unicode, text short to read but long to store): these reach the database, so they test storage.
    /// </summary>
    private static Gen<List<(WireField, string)>> AcceptableButHostileText() =>
        from fields in Gen.SubListOf(FreeTextFields).Where(f => f.Count > 0)
        from values in Gen.CollectToList(fields, f => Gen.Frequency(
            (3, Gen.Elements(Html).Select(v => new Labelled(v, "html"))),
            (2, Gen.Elements(Sql).Select(v => new Labelled(v, "sql"))),
            (2, Gen.ListOf(Gen.Elements(OddUnicode.Concat(["Kit", " ", "\n"]).ToArray())).Where(p => p.Count > 0).Select(p => new Labelled(string.Concat(p), "unicode"))),
            (2, GraphemeBomb())).Select(v => (Field: f, v)))
        select values.Select(x => (new WireField(x.Field, x.v.Value), x.v.Kind))
            .Prepend((new WireField("Answers.ContactMethod", "TheyWillCallUs"), "valid"))
            .ToList();

    /// <summary>Any subset of the fields, in any order, some posted twice with different values.</summary>
    private static Gen<List<(WireField, string)>> RandomFields() =>
        from names in Gen.SubListOf(AnswerFields)
        from shuffled in Gen.Shuffle(names.ToArray())
        from values in Gen.CollectToList(shuffled, n => Value(n).Select(v => (Name: n, v)))
        from repeats in Gen.CollectToList(shuffled, n => Gen.Frequency((6, Gen.Constant<Labelled?>(null)), (1, Value(n).Select(v => (Labelled?)v))).Select(v => (Name: n, v)))
        select values.Select(x => (new WireField(x.Name, x.v.Value, x.v.PreEncoded), x.v.Kind))
            .Concat(repeats.Where(r => r.v is not null).Select(r => (new WireField(r.Name, r.v!.Value, r.v.PreEncoded), "repeated-field")))
            .ToList();

    /// <summary>A hostile (or valid) value meant for any of the form's fields, for other forms to reuse.</summary>
    public static Gen<WireField> AnyValue() =>
        from field in Gen.Elements(AnswerFields)
        from value in Value(field)
        select new WireField(field, value.Value, value.PreEncoded);

    private sealed record Labelled(string Value, string Kind, bool PreEncoded = false);

    private static Gen<Labelled> Value(string field) => Gen.Frequency(
        (8, Valid(field).Select(v => new Labelled(v, "valid"))),
        (1, Huge()),
        (3, Mixed(Control, "control")),
        (3, Mixed(Bidi, "bidi")),
        (3, Gen.Elements(Html).SelectMany(h => Around(h)).Select(v => new Labelled(v, "html"))),
        (2, Gen.Elements(Sql).Select(v => new Labelled(v, "sql"))),
        (2, Gen.Elements(BadDates).Select(v => new Labelled(v, "bad-date"))),
        (2, Gen.Elements(BadEnums).Select(v => new Labelled(v, "bad-enum"))),
        (3, Mixed(OddUnicode, "unicode")),
        (1, Gen.Elements(RawEncoded).Select(v => new Labelled(v, "raw-encoding", PreEncoded: true))),
        (1, Gen.Elements(Blank).Select(v => new Labelled(v, "blank"))),
        (2, GraphemeBomb()));

    /// <summary>Valid-looking text around a payload, so it is not always the whole value.</summary>
    private static Gen<string> Around(string payload) =>
        from before in Gen.Elements("", "Kit ", "I feel low ", "\n")
        from after in Gen.Elements("", " thanks", "\n", "\U0001F642")
        select before + payload + after;

    private static Gen<Labelled> Mixed(string[] specials, string kind) =>
        Gen.ListOf(Gen.Frequency((2, Gen.Elements(specials)), (3, Gen.Elements("Kit", " ", "07700 900 982", "name@example.com", "SE11 5QY", "yes", "12", "I feel low"))))
            .Where(parts => parts.Count > 0)
            .Select(parts => new Labelled(string.Concat(parts), kind));

    /// <summary>100,000 characters of one repeated piece (letters, emoji, script or controls).</summary>
    private static Gen<Labelled> Huge() =>
        Gen.Elements("a", "\U0001F600", "<script>hubxss(0)</script>", "\u202E", "\0", "Kit ", "\n", "%")
            .Select(piece => new Labelled(Repeat(piece, 100_000), "huge"));

    /// <summary>
    /// Few characters as a person counts them (each letter carries 16 accents) but many as stored:
    /// within the visible-length rules, far beyond the column sizes.
    /// </summary>
    private static Gen<Labelled> GraphemeBomb() =>
        Gen.Elements(20, 60, 100, 300, 700, 1000).Select(n => new Labelled(string.Concat(Enumerable.Repeat("a" + Marks, n)), "grapheme-bomb"));

    private static Gen<string> Valid(string field) => field switch
    {
        "Answers.ContactMethod" => Gen.Elements("Phone", "Text", "Email", "TheyWillCallUs"),
        "Answers.Phone" => Gen.Elements("07700 900 982", "+44 7700 900 982", "(020) 7946 0000", "07700900982"),
        "Answers.Email" => Gen.Elements("name@example.com", "kit.o'neil@example.co.uk", "a+b@example.org"),
        "Answers.SafeToLeaveMessage" or "Answers.InterpreterNeeded" or "Answers.ConsentToShare" => Gen.Elements("yes", "no"),
        "Answers.BirthDay" => Gen.Choose(1, 28).Select(Number),
        "Answers.BirthMonth" => Gen.Choose(1, 12).Select(Number),
        "Answers.BirthYear" => Gen.Choose(1930, 2005).Select(Number),
        "Answers.Postcode" => Gen.Elements("SE11 5QY", "M1 1AE", "B33 8TH", "cr2 6xh", "DN551PT"),
        "Answers.EthnicCategory" => Gen.Elements(EthnicCategories.All.Select(c => c.Code).Append(EqualityMonitoring.PreferNotToSay).ToArray()),
        "Answers.Gender" => Gen.Elements(EqualityOptions.Gender.Select(o => o.Value).ToArray()),
        "Answers.SexualOrientation" => Gen.Elements(EqualityOptions.SexualOrientation.Select(o => o.Value).ToArray()),
        "Answers.Disability" => Gen.Elements(EqualityOptions.Disability.Select(o => o.Value).ToArray()),
        _ => Gen.Elements("Kit", "Si\u00E2n \U0001F33B", "I have not been sleeping.\nWork is hard.", "\u0623\u0634\u0639\u0631 \u0628\u0627\u0644\u0642\u0644\u0642",
            "Rwy'n teimlo'n unig", "Someone to talk to", "Polish", "Evenings only, please", "O'Brien-Sm\u00EDth"),
    };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Repeat(string piece, int length)
    {
        var sb = new StringBuilder(length + piece.Length);
        while (sb.Length < length) sb.Append(piece);
        return sb.ToString(0, Math.Min(sb.Length, length - (char.IsHighSurrogate(sb[length - 1]) ? 1 : 0)));
    }

    /// <summary>The few oversize bodies: 2 MB values, more fields than the form reader allows, an over-long field name.</summary>
    public static IEnumerable<BadInput> Oversize()
    {
        var twoMegabytes = Repeat("I feel low. ", 2 * 1024 * 1024);
        yield return new BadInput("happening", [new("Answers.ContactMethod", "TheyWillCallUs"), new("Answers.WhatIsHappening", twoMegabytes)], new HashSet<string> { "oversize" });
        yield return new BadInput("send", [new("Answers.ContactMethod", "TheyWillCallUs"), new("Answers.AccessNeeds", twoMegabytes), new("FormToken", BadInput.FreshToken)], new HashSet<string> { "oversize" });
        yield return new BadInput("contact", Enumerable.Range(0, 2_000).Select(i => new WireField(AnswerFields[i % AnswerFields.Length], "x")).ToList(), new HashSet<string> { "oversize", "repeated-field" });
        yield return new BadInput("contact", [new("Answers.ContactMethod", "TheyWillCallUs"), new(new string('A', 5_000), "x")], new HashSet<string> { "oversize" });
        yield return new BadInput("send", Enumerable.Range(0, 40).Select(i => new WireField("Answers.WhatWouldHelp", Repeat("\U0001F600", 5_000))).Append(new("FormToken", BadInput.FreshToken)).ToList(), new HashSet<string> { "oversize", "repeated-field" });
    }
}
