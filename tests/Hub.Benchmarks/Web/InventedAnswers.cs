namespace Hub.Benchmarks.Web;

/// <summary>
/// Invented self-referral answers, varied like real ones: most people leave a phone number, some an
/// email address, some would rather call; some give a date of birth or postcode. Phone numbers come
/// from Ofcom's ranges kept for drama, so none is anyone's. The same mix as throughput.lua.
/// </summary>
internal static class InventedAnswers
{
    private static readonly string[] DramaNumbers = ["07700 900", "020 7946 0", "0113 496 0", "0121 496 0", "0161 496 0", "0117 496 0", "01632 960"];
    private static readonly string[] Names = ["Sam", "Alex", "Jo", "Chris", "Priya", "Tomasz", "Ade", "Mei", "Rosa", "Dan", "Aisha", "Kofi", ""];
    private static readonly string[] Happening =
    [
        "I have not been sleeping well for a few weeks.",
        "Work has been really stressful and I feel on edge most of the day.",
        "Since my mum died I have found it hard to get going in the mornings.",
        "I keep worrying about money and the rent.",
        "I feel lonely since I moved here and do not know anyone.",
        "My GP suggested I get in touch.",
        "Things have been building up and I would like to talk to someone.",
        "I have had panic attacks on the bus and now avoid going out.",
    ];
    private static readonly string[] Helps = ["Someone to talk to.", "Help with money and benefits.", "Meeting people nearby.", "Advice about housing.", "A peer support group.", ""];
    private static readonly string[] Areas = ["SE1", "SE5", "SE11", "SE17", "SW8", "SW9"];
    private const string Letters = "ABDEFGHJLNPQRSTUWXYZ";
    private static readonly string[] Ethnic = ["A", "B", "C", "D", "F", "H", "J", "K", "M", "N", "R", "S", "prefer-not-to-say", ""];
    private static readonly string[] Genders = ["woman", "man", "non-binary", "prefer-not-to-say", ""];
    private static readonly string[] Orientations = ["heterosexual", "gay-or-lesbian", "bisexual", "prefer-not-to-say", ""];

    /// <summary>The form's fields as a person fills them in (names as posted, for example <c>Answers.Phone</c>).</summary>
    public static List<KeyValuePair<string, string>> Next(Random random)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string name, string value)
        {
            if (value.Length > 0)
            {
                fields.Add(new("Answers." + name, value));
            }
        }
        string Pick(string[] list) => list[random.Next(list.Length)];

        var roll = random.Next(100);
        var method = roll < 45 ? "Phone" : roll < 65 ? "Text" : roll < 85 ? "Email" : "TheyWillCallUs";
        Add("ContactMethod", method);
        if (method is "Phone" or "Text")
        {
            Add("Phone", Pick(DramaNumbers) + random.Next(1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture));
            Add("SafeToLeaveMessage", random.Next(2) == 0 ? "yes" : "no");
        }
        else if (method == "Email")
        {
            Add("Email", $"person{random.Next(1, 100_000_000)}@example.org");
        }
        Add("PreferredName", Pick(Names));
        Add("WhatIsHappening", string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(Happening))));
        Add("WhatWouldHelp", Pick(Helps));
        if (random.Next(100) < 30)
        {
            Add("BirthDay", (1 + random.Next(28)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add("BirthMonth", (1 + random.Next(12)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add("BirthYear", random.Next(1940, 2007).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (random.Next(100) < 40)
        {
            Add("Postcode", $"{Pick(Areas)} {1 + random.Next(9)}{Letters[random.Next(Letters.Length)]}{Letters[random.Next(Letters.Length)]}");
        }
        Add("EthnicCategory", Pick(Ethnic));
        Add("Gender", Pick(Genders));
        Add("SexualOrientation", Pick(Orientations));
        Add("ConsentToShare", random.Next(100) < 80 ? "yes" : "no");
        return fields;
    }
}
