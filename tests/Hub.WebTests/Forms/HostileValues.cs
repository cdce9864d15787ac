using FsCheck;
using FsCheck.Fluent;
using Hub.Domain.Common;
using Hub.WebTests.Referrals;

namespace Hub.WebTests.Forms;

/// <summary>What a field is to the generator: typed text, a choice the page offers, a value the page carries, or part of the address.</summary>
internal enum FieldShape
{
    Text,
    Choice,
    Hidden,
    Address,
    File,
}

/// <summary>One generated value and the kind of trouble it carries (a short label for counts and failure messages).</summary>
internal sealed record Hostile(string Value, string Kind, bool PreEncoded = false)
{
    /// <summary>The longest box the hub has holds 4,000 characters (8,000 stored code units).</summary>
    public const int LongestTextLimit = 4000;

    /// <summary>
    /// True when no free-text rule of the hub can accept the value: after the same cleaning the use
    /// cases do, it holds a hidden control or direction-changing character, or it is longer than the
    /// longest box. A box that gets such a value must refuse it and say so next to the box.
    /// </summary>
    public bool BreaksEveryTextRule =>
        !PreEncoded && TextRules.Clean(Value) is { } clean
        && (TextRules.HasForbiddenCharacters(clean, allowLineBreaks: true) || !TextRules.FitsWithin(clean, LongestTextLimit));
}

/// <summary>
/// Hostile values for any field of any form, built from the same pools as the public form's
/// generators (<see cref="BadInputs"/>): huge strings, control and bidi characters, markup, SQL,
/// odd Unicode, bad dates and numbers, unknown choices and ids, broken percent-encoding, text short
/// to read but long to store, and files that are not what the importer expects.
/// </summary>
internal static class HostileValues
{
    /// <summary>What the 100,000-character values are made of, one piece repeated; the field decides which.</summary>
    public static readonly string[] HugePieces = ["a", "\U0001F600", "<script>hubxss(0)</script>", "\u202E", "Kit ", "%", "\u0007"];

    private static readonly string[] BadNumbers =
        ["-1", "0", "2147483648", "99999999999999999999", "1e3", "0x10", "1.5", "NaN", "\u0663", "\uFF11", " 7", "12abc", "-0", "+5"];

    private static readonly string[] BadIds =
    [
        "not-a-guid", "00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}", "6f1b2c3d-0000-4000-8000-00000000f022",
        "6f1b2c3d00004000800000000000f022", "6F1B2C3D-0000-4000-8000-00000000F022 ", "someone-else", "team:", "team:not-a-guid", "neighbourhood:",
        "neighbourhood:<script>hubxss(11)</script>", "hub ", "1:", "0:00000000-0000-0000-0000-000000000000", "9:Nobody",
    ];

    /// <summary>Dates and times in the boxes' own formats that are out of range, impossible, or far in the past or future.</summary>
    private static readonly string[] BadWhen =
    [
        "9999-12-31T23:59", "0001-01-01T00:00", "2999-06-01T10:00", "1900-01-01T09:00", "2026-02-30T10:00", "2026-03-29T01:30", "2026-12-31T24:00",
        "31/12/9999 23:59", "01/01/0001 00:00", "9999-12-31", "0001-01-01", "2999-06-01", "1900-01-01", "2026-02-30", "31/12/9999", "1/1/1",
        "23:59", "24:00", "25:61", "00:00", "9.99", "1 1 9999",
    ];

    /// <summary>The counts of emoji in the "long to store" values: each is one character to read and two to store.</summary>
    private static readonly int[] StoreCounts = [5, 10, 30, 50, 60, 100, 200, 250, 300, 500, 1000, 2000, 4000];

    public static Gen<Hostile> For(FieldShape shape) => shape switch
    {
        FieldShape.Text => Gen.Frequency(
            (4, Markup()),
            (3, Mixed(BadInputs.Control, "control")),
            (2, Mixed(BadInputs.Bidi, "bidi")),
            (2, Labelled(BadInputs.Sql, "sql")),
            (2, Mixed(BadInputs.OddUnicode, "unicode")),
            (3, LongToStore()),
            (2, GraphemeBomb()),
            (1, Labelled(BadInputs.BadDates, "bad-date")),
            (2, Labelled(BadWhen, "bad-date")),
            (1, Labelled(BadNumbers, "bad-number")),
            (1, Labelled(BadInputs.RawEncoded, "raw-encoding", preEncoded: true)),
            (1, Labelled(BadInputs.Blank, "blank"))),
        FieldShape.Choice or FieldShape.Hidden => Gen.Frequency(
            (3, Labelled(BadIds, "bad-id")),
            (2, Labelled(BadInputs.BadEnums, "bad-enum")),
            (1, Labelled(BadNumbers, "bad-number")),
            (2, Markup()),
            (1, Mixed(BadInputs.Control, "control")),
            (1, Labelled(BadInputs.Sql, "sql")),
            (1, Mixed(BadInputs.OddUnicode, "unicode")),
            (1, LongToStore()),
            (1, Labelled(BadInputs.RawEncoded, "raw-encoding", preEncoded: true)),
            (1, Labelled(BadInputs.Blank, "blank"))),
        FieldShape.Address => Gen.Frequency(
            (3, Labelled(BadNumbers, "bad-number")),
            (2, Labelled(BadIds, "bad-id")),
            (2, Markup()),
            (1, Labelled(BadWhen, "bad-date")),
            (1, Mixed(BadInputs.Control, "control")),
            (1, Labelled(BadInputs.Sql, "sql")),
            (1, Mixed(BadInputs.OddUnicode, "unicode")),
            (1, Labelled(BadInputs.RawEncoded, "raw-encoding", preEncoded: true)),
            (1, Labelled(BadInputs.Blank, "blank"))),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Files have their own generator"),
    };

    /// <summary>100,000 characters of one repeated piece; <paramref name="index"/> picks the piece, so each field gets different ones.</summary>
    public static Hostile Huge(int index) => new(BadInputs.Repeat(HugePieces[index % HugePieces.Length], 100_000), "huge");

    /// <summary>A value for a text box inside an Open Referral UK file: the importer must refuse it or keep it only where it is allowed.</summary>
    public static Gen<Hostile> InsideAFile() => Gen.Frequency(
        (3, Markup()),
        (2, Mixed(BadInputs.Control, "control")),
        (2, Mixed(BadInputs.Bidi, "bidi")),
        (1, Labelled(BadInputs.Sql, "sql")),
        (2, LongToStore()),
        (1, GraphemeBomb()),
        (1, Labelled(BadInputs.Blank, "blank")));

    private static Gen<Hostile> Labelled(string[] values, string kind, bool preEncoded = false) =>
        Gen.Elements(values).Select(v => new Hostile(v, kind, preEncoded));

    private static Gen<Hostile> Markup() =>
        from payload in Gen.Elements(BadInputs.Html)
        from before in Gen.Elements("", "Kit ", "I feel low ", "\n")
        from after in Gen.Elements("", " thanks", "\n", "\U0001F642")
        select new Hostile(before + payload + after, "html");

    private static Gen<Hostile> Mixed(string[] specials, string kind) =>
        Gen.ListOf(Gen.Frequency((2, Gen.Elements(specials)), (3, Gen.Elements("Kit", " ", "07700 900 982", "name@example.com", "2026-01-15", "12", "I feel low"))))
            .Where(parts => parts.Count > 0)
            .Select(parts => new Hostile(string.Concat(parts), kind));

    /// <summary>Emoji only: within a box's limit as a person counts, up to twice as long as stored.</summary>
    private static Gen<Hostile> LongToStore() =>
        Gen.Elements(StoreCounts).Select(n => new Hostile(string.Concat(Enumerable.Repeat("\U0001F33B", n)), "long-to-store"));

    /// <summary>
    /// Few letters to read, each carrying 16 accents: 17 times longer stored than read, so within a
    /// box's limit and beyond its column (20 letters are 340 stored characters, 120 are 2,040).
    /// </summary>
    private static Gen<Hostile> GraphemeBomb() =>
        Gen.Elements(20, 30, 60, 120, 240, 1000).Select(GraphemeBomb);

    public static Hostile GraphemeBomb(int letters) => new(string.Concat(Enumerable.Repeat("a" + BadInputs.Marks, letters)), "grapheme-bomb");
}
