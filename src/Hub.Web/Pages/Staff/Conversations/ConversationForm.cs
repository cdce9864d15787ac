using System.Globalization;
using Hub.Application.Outcomes;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;

namespace Hub.Web.Pages.Staff.Conversations;

/// <summary>
/// The conversation as an HTML form: flat rows that bind without JavaScript. It turns into
/// <see cref="ConversationContent"/> (dropping empty rows) and maps the use case's error paths back
/// to the fields that caused them.
/// </summary>
public sealed class ConversationForm
{
    public const int BlankNetworkRows = 3;

    public string? WhatMatters { get; set; }
    public string? GoingWell { get; set; }
    public string? Strengths { get; set; }
    public string? Resources { get; set; }
    public string? PractitionerSummary { get; set; }
    public List<NetworkRow> Network { get; set; } = [];
    public List<RatingRow> Dialog { get; set; } = [];
    public List<NeedRow> Needs { get; set; } = [];
    public SafetyPlanRow SafetyPlan { get; set; } = new();
    public List<GoalRow> Goals { get; set; } = [];
    public List<OtherRatingRow> Other { get; set; } = [];

    public sealed class NetworkRow
    {
        public string? Name { get; set; }
        public string? Relationship { get; set; }
        public string? Quality { get; set; }
        public string? Frequency { get; set; }
        public string? CouldJoin { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Relationship)
            && string.IsNullOrEmpty(Quality) && string.IsNullOrEmpty(Frequency) && string.IsNullOrEmpty(CouldJoin);
    }

    public sealed class RatingRow
    {
        public string Code { get; set; } = string.Empty;
        public string? Rating { get; set; }
        public string? Comment { get; set; }
    }

    public sealed class NeedRow
    {
        public string? Area { get; set; }
        public string? InTheirWords { get; set; }
        public string? WhatWouldHelp { get; set; }
    }

    public sealed class SafetyPlanRow
    {
        public string? WarningSigns { get; set; }
        public string? WhatHelps { get; set; }
        public string? PeopleAndPlaces { get; set; }
        public string? ProfessionalContacts { get; set; }
        public string? MakingThingsSafer { get; set; }
    }

    public sealed class GoalRow
    {
        public string? Text { get; set; }
        public string? Rating { get; set; }
    }

    public sealed class OtherRatingRow
    {
        public string Measure { get; set; } = string.Empty;
        public string Item { get; set; } = string.Empty;
        public string? Rating { get; set; }
    }

    /// <summary>The form for stored content, with every DIALOG item, life area and goal slot present.</summary>
    public static ConversationForm From(ConversationContent c, IMeasureRegistry measures, int extraNetworkRows = BlankNetworkRows)
    {
        var form = new ConversationForm
        {
            WhatMatters = c.WhatMatters,
            GoingWell = c.GoingWell,
            Strengths = c.Strengths,
            Resources = c.Resources,
            PractitionerSummary = c.PractitionerSummary,
            Network = c.Network.Select(m => new NetworkRow
            {
                Name = m.Name,
                Relationship = m.Relationship,
                Quality = m.Quality.ToString(),
                Frequency = m.Frequency.ToString(),
                CouldJoin = m.CouldJoinMeeting ? "yes" : "no",
            }).ToList(),
            SafetyPlan = new SafetyPlanRow
            {
                WarningSigns = c.SafetyPlan.WarningSigns,
                WhatHelps = c.SafetyPlan.WhatHelps,
                PeopleAndPlaces = c.SafetyPlan.PeopleAndPlaces,
                ProfessionalContacts = c.SafetyPlan.ProfessionalContacts,
                MakingThingsSafer = c.SafetyPlan.MakingThingsSafer,
            },
        };
        form.Dialog = BuiltInMeasures.Dialog.Items.Select(i => new RatingRow
        {
            Code = i.Code,
            Rating = c.Dialog.TryGetValue(i.Code, out var a) ? a.Rating?.ToString(CultureInfo.InvariantCulture) : null,
            Comment = c.Dialog.TryGetValue(i.Code, out var b) ? b.Comment : null,
        }).ToList();
        form.Needs = Enum.GetValues<DeterminantArea>().Select(area =>
        {
            var need = c.Needs.FirstOrDefault(n => n.Area == area);
            return new NeedRow { Area = area.ToString(), InTheirWords = need?.InTheirWords, WhatWouldHelp = need?.WhatWouldHelp };
        }).ToList();
        form.Goals = Enumerable.Range(0, BuiltInMeasures.MaxGoals).Select(i => i < c.Goals.Count
            ? new GoalRow { Text = c.Goals[i].Text, Rating = c.Goals[i].Rating?.ToString(CultureInfo.InvariantCulture) }
            : new GoalRow()).ToList();
        form.Other = measures.Additional.SelectMany(m => m.Items.Select(i => new OtherRatingRow
        {
            Measure = m.Code,
            Item = i.Code,
            Rating = c.OtherMeasures.TryGetValue(m.Code, out var r) && r.TryGetValue(i.Code, out var v) ? v?.ToString(CultureInfo.InvariantCulture) : null,
        })).ToList();
        form.AddBlankNetworkRows(extraNetworkRows);
        return form;
    }

    /// <summary>
    /// The DIALOG items, life areas and other measures' items are the hub's rows, not the browser's:
    /// each row keeps the code of its place on the page whatever was posted for it, and rows the page
    /// never had are dropped, so what was typed into a row stays with the question it answers.
    /// </summary>
    public void KeepTheHubsRows(IMeasureRegistry measures)
    {
        var rows = From(new ConversationContent(), measures, extraNetworkRows: 0);
        Dialog = rows.Dialog.Select((row, i) => new RatingRow { Code = row.Code, Rating = Dialog.ElementAtOrDefault(i)?.Rating, Comment = Dialog.ElementAtOrDefault(i)?.Comment }).ToList();
        Needs = rows.Needs.Select((row, i) => new NeedRow { Area = row.Area, InTheirWords = Needs.ElementAtOrDefault(i)?.InTheirWords, WhatWouldHelp = Needs.ElementAtOrDefault(i)?.WhatWouldHelp }).ToList();
        Other = rows.Other.Select((row, i) => new OtherRatingRow { Measure = row.Measure, Item = row.Item, Rating = Other.ElementAtOrDefault(i)?.Rating }).ToList();
    }

    public void AddBlankNetworkRows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Network.Add(new NetworkRow());
        }
    }

    /// <summary>The content the form describes, and where each content path came from in the form.</summary>
    public (ConversationContent Content, Dictionary<string, string> FieldOf) ToContent()
    {
        var fieldOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var network = new List<NetworkMember>();
        for (var i = 0; i < Network.Count; i++)
        {
            var row = Network[i];
            if (row.IsBlank) continue;
            foreach (var part in new[] { "Name", "Relationship", "Quality", "Frequency" })
            {
                fieldOf[$"Network[{network.Count}].{part}"] = $"Form.Network[{i}].{part}";
            }
            network.Add(new NetworkMember(row.Name ?? string.Empty, row.Relationship, ParseEnum<RelationshipQuality>(row.Quality), ParseEnum<ContactFrequency>(row.Frequency), row.CouldJoin == "yes"));
        }

        var dialog = new Dictionary<string, RatedAnswer>();
        for (var i = 0; i < Dialog.Count; i++)
        {
            var row = Dialog[i];
            if (string.IsNullOrEmpty(row.Code)) continue;
            fieldOf[$"Dialog.{row.Code}"] = $"Form.Dialog[{i}].Rating";
            dialog[row.Code] = new RatedAnswer(ParseRating(row.Rating), row.Comment);
        }

        var needs = new List<DeterminantNeed>();
        for (var i = 0; i < Needs.Count; i++)
        {
            var row = Needs[i];
            if (string.IsNullOrWhiteSpace(row.InTheirWords) && string.IsNullOrWhiteSpace(row.WhatWouldHelp)) continue;
            fieldOf[$"Needs[{needs.Count}].InTheirWords"] = $"Form.Needs[{i}].InTheirWords";
            fieldOf[$"Needs[{needs.Count}].WhatWouldHelp"] = $"Form.Needs[{i}].WhatWouldHelp";
            fieldOf[$"Needs[{needs.Count}].Area"] = $"Form.Needs[{i}].InTheirWords";
            needs.Add(new DeterminantNeed(ParseEnum<DeterminantArea>(row.Area), row.InTheirWords, row.WhatWouldHelp));
        }

        var goals = new List<Goal>();
        for (var i = 0; i < Goals.Count; i++)
        {
            var row = Goals[i];
            if (string.IsNullOrWhiteSpace(row.Text) && string.IsNullOrEmpty(row.Rating)) continue;
            fieldOf[$"Goals[{goals.Count}].Text"] = $"Form.Goals[{i}].Text";
            fieldOf[$"Goals[{goals.Count}].Rating"] = $"Form.Goals[{i}].Rating";
            goals.Add(new Goal(row.Text ?? string.Empty, ParseRating(row.Rating)));
        }

        var other = new Dictionary<string, IReadOnlyDictionary<string, int?>>();
        for (var i = 0; i < Other.Count; i++)
        {
            var row = Other[i];
            fieldOf[$"OtherMeasures.{row.Measure}.{row.Item}"] = $"Form.Other[{i}].Rating";
            if (!other.TryGetValue(row.Measure, out var ratings))
            {
                ratings = new Dictionary<string, int?>();
                other[row.Measure] = ratings;
            }
            ((Dictionary<string, int?>)ratings)[row.Item] = ParseRating(row.Rating);
        }

        foreach (var simple in new[] { "WhatMatters", "GoingWell", "Strengths", "Resources", "PractitionerSummary" })
        {
            fieldOf[simple] = $"Form.{simple}";
        }
        foreach (var part in new[] { "WarningSigns", "WhatHelps", "PeopleAndPlaces", "ProfessionalContacts", "MakingThingsSafer" })
        {
            fieldOf[$"SafetyPlan.{part}"] = $"Form.SafetyPlan.{part}";
        }
        fieldOf["Network"] = "Form.Network[0].Name";
        fieldOf["Goals"] = "Form.Goals[0].Text";
        fieldOf["Needs"] = "Form.Needs[0].InTheirWords";

        var content = new ConversationContent
        {
            WhatMatters = WhatMatters,
            GoingWell = GoingWell,
            Strengths = Strengths,
            Resources = Resources,
            PractitionerSummary = PractitionerSummary,
            Network = network,
            Dialog = dialog,
            Needs = needs,
            SafetyPlan = new SafetyPlan
            {
                WarningSigns = SafetyPlan.WarningSigns,
                WhatHelps = SafetyPlan.WhatHelps,
                PeopleAndPlaces = SafetyPlan.PeopleAndPlaces,
                ProfessionalContacts = SafetyPlan.ProfessionalContacts,
                MakingThingsSafer = SafetyPlan.MakingThingsSafer,
            },
            Goals = goals,
            OtherMeasures = other,
        };
        return (content, fieldOf);
    }

    /// <summary>Blank is "not answered"; anything that is not a whole number becomes a rating no scale accepts, so the validator explains.</summary>
    private static int? ParseRating(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rating) ? rating : int.MinValue;

    private static T ParseEnum<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : default;
}
