using System.Globalization;
using Hub.Application.Referrals;
using Hub.Domain.People;

namespace Hub.Benchmarks.Web;

/// <summary>
/// Invented self-referral answers, varied like real ones: most people leave a phone number, some an
/// email address, some would rather call; some give a date of birth or postcode, a language or
/// something that would make talking easier. Phone numbers come from Ofcom's ranges kept for drama,
/// so none is anyone's. The soak types them into the question pages; the throughput benchmark puts
/// them in the journey cookies it mints (<see cref="JourneyMint"/>).
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
    private static readonly string[] Languages = ["Polish", "Portuguese", "British Sign Language", "Somali", "Spanish"];
    private static readonly string[] Needs = ["A quiet place to meet.", "Easy read, please.", "Mornings are better for me.", "I would like my sister with me."];
    private static readonly string[] Areas = ["SE1", "SE5", "SE11", "SE17", "SW8", "SW9"];
    private const string Letters = "ABDEFGHJLNPQRSTUWXYZ";
    private static readonly string[] Ethnic = ["A", "B", "C", "D", "F", "H", "J", "K", "M", "N", "R", "S", "prefer-not-to-say", ""];
    private static readonly string[] Genders = ["woman", "man", "non-binary", "prefer-not-to-say", ""];
    private static readonly string[] Orientations = ["heterosexual", "gay-or-lesbian", "bisexual", "prefer-not-to-say", ""];
    private static readonly string[] Disabilities = ["yes", "no", "prefer-not-to-say", ""];

    /// <summary>One person's answers to every question, as they would type them (blank answers left out).</summary>
    public static SelfReferralAnswers Next(Random random)
    {
        string Pick(string[] list) => list[random.Next(list.Length)];
        static string? Given(string value) => value.Length > 0 ? value : null;
        string Number(int from, int to) => random.Next(from, to).ToString(CultureInfo.InvariantCulture);

        var roll = random.Next(100);
        var method = roll < 45 ? ContactMethod.Phone : roll < 65 ? ContactMethod.Text : roll < 85 ? ContactMethod.Email : ContactMethod.TheyWillCallUs;
        var phone = method is ContactMethod.Phone or ContactMethod.Text
            ? Pick(DramaNumbers) + random.Next(1000).ToString("000", CultureInfo.InvariantCulture)
            : null;
        var born = random.Next(100) < 30;
        var language = random.Next(100) < 10;
        return new SelfReferralAnswers
        {
            ContactMethod = method,
            Phone = phone,
            Email = method == ContactMethod.Email ? $"person{random.Next(1, 100_000_000)}@example.org" : null,
            SafeToLeaveMessage = method == ContactMethod.TheyWillCallUs ? null : random.Next(2) == 0 ? "yes" : "no",
            PreferredName = Given(Pick(Names)),
            WhatIsHappening = string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(Happening))),
            WhatWouldHelp = Given(Pick(Helps)),
            PreferredLanguage = language ? Pick(Languages) : null,
            InterpreterNeeded = language ? (random.Next(2) == 0 ? "yes" : "no") : null,
            AccessNeeds = random.Next(100) < 10 ? Pick(Needs) : null,
            BirthDay = born ? Number(1, 29) : null,
            BirthMonth = born ? Number(1, 13) : null,
            BirthYear = born ? Number(1940, 2007) : null,
            Postcode = random.Next(100) < 40 ? $"{Pick(Areas)} {1 + random.Next(9)}{Letters[random.Next(Letters.Length)]}{Letters[random.Next(Letters.Length)]}" : null,
            EthnicCategory = Given(Pick(Ethnic)),
            Gender = Given(Pick(Genders)),
            SexualOrientation = Given(Pick(Orientations)),
            Disability = Given(Pick(Disabilities)),
            ConsentToShare = random.Next(100) < 80 ? "yes" : "no",
        };
    }

    /// <summary>
    /// What a person types into one question page: the value of each field of <paramref name="names"/>
    /// (the names the page's form carries) that the answers fill. A text message number goes in the box
    /// under "Text message" (<c>TextPhone</c>), as the page asks.
    /// </summary>
    public static List<KeyValuePair<string, string>> Fields(SelfReferralAnswers answers, IReadOnlyCollection<string> names)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var name in names)
        {
            string? value = name switch
            {
                "TextPhone" => answers.ContactMethod == ContactMethod.Text ? answers.Phone : null,
                "Answers.Phone" => answers.ContactMethod == ContactMethod.Phone ? answers.Phone : null,
                _ when name.StartsWith("Answers.", StringComparison.Ordinal) =>
                    typeof(SelfReferralAnswers).GetProperty(name["Answers.".Length..])?.GetValue(answers) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null,
                _ => null,
            };
            if (value is { Length: > 0 })
            {
                fields.Add(new(name, value));
            }
        }
        return fields;
    }
}
