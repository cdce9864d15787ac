using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Domain.CommunityOffers;

namespace Hub.Application.Connect.StartGroup;

/// <summary>
/// The "start a group" form (and an organiser's change form) as typed: every field text, so that
/// anything at all can be posted and each problem is said next to its field.
/// </summary>
public sealed partial class GroupAnswers
{
    public const int ShortText = 200;
    public const int LongText = 1000;

    public string? Name { get; set; }
    public string? RunBy { get; set; }
    public string? WhatHappens { get; set; }
    public string? WhoFor { get; set; }
    public string? Day { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? ScheduleNote { get; set; }
    public string? Area { get; set; }
    public string? Neighbourhood { get; set; }
    public string? Place { get; set; }
    public string? Postcode { get; set; }
    public string? Cost { get; set; }
    public string? CostNote { get; set; }
    public string? HowToJoin { get; set; }
    public string? BringSomeone { get; set; }
    public List<string> Interests { get; set; } = [];
    public List<string> Access { get; set; } = [];
    public string? PeerLed { get; set; }
    public string? PublicPhone { get; set; }
    public string? PublicEmail { get; set; }
    public string? Website { get; set; }
    public string? OrganiserEmail { get; set; }

    /// <summary>The answers as a listing; call only once they are valid.</summary>
    public ProposedGroup ToProposal() => new(
        Clean(Name)!, Clean(RunBy)!, Clean(WhatHappens)!, Clean(WhoFor), Enum.Parse<DayOfWeek>(Day!, ignoreCase: true),
        ParseTime(Opens)!.Value, ParseTime(Closes)!.Value, Clean(ScheduleNote), Clean(Area)!, Clean(Neighbourhood), Clean(Place)!, Clean(Postcode)?.ToUpperInvariant(),
        Cost == "free", Clean(CostNote), Clean(HowToJoin)!, BringSomeone == "yes",
        Interests.Select(i => Enum.Parse<OfferInterest>(i, ignoreCase: true)).Aggregate(OfferInterest.None, (a, b) => a | b),
        Access.Select(a => Enum.Parse<OfferAccess>(a, ignoreCase: true)).Aggregate(OfferAccess.None, (a, b) => a | b),
        PeerLed == "yes", Clean(PublicPhone), Clean(PublicEmail), Clean(Website));

    /// <summary>The form filled in from a listing, for its organiser to change.</summary>
    public static GroupAnswers From(ProposedGroup g, string organiserEmail) => new()
    {
        Name = g.Name, RunBy = g.RunBy, WhatHappens = g.WhatHappens, WhoFor = g.WhoFor, Day = g.Day.ToString(),
        Opens = g.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), Closes = g.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
        ScheduleNote = g.ScheduleNote, Area = g.Area, Neighbourhood = g.Neighbourhood, Place = g.Place, Postcode = g.Postcode,
        Cost = g.IsFree ? "free" : "paid", CostNote = g.CostNote, HowToJoin = g.HowToJoin, BringSomeone = g.BringSomeoneFirstTime ? "yes" : "no",
        Interests = ConnectWords.Each(g.Interests).Select(i => i.ToString()).ToList(), Access = ConnectWords.Each(g.Access).Select(a => a.ToString()).ToList(),
        PeerLed = g.PeerLed ? "yes" : "no", PublicPhone = g.PublicPhone, PublicEmail = g.PublicEmail, Website = g.Website, OrganiserEmail = organiserEmail,
    };

    /// <summary>A time as people type it: "18:30", "6:30pm", "6pm", "18.30".</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        if (text is null || text.Length > 10)
        {
            return null;
        }
        var m = TimePattern().Match(text.Trim().ToLowerInvariant());
        if (!m.Success)
        {
            return null;
        }
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            hour = hour % 12 + (m.Groups["ampm"].Value == "pm" ? 12 : 0);
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    private static string? Clean(string? value) => Hub.Domain.Common.TextRules.Clean(value);

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:[:.](?<m>[0-9]{2}))? ?(?<ampm>am|pm)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
