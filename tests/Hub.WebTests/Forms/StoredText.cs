using System.Text.Json;
using Hub.Domain.Common;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.WebTests.Forms;

/// <summary>One stored value that no form may leave behind: where it is and what is wrong (never the value itself in a message).</summary>
internal sealed record StoredProblem(string Column, string Problem, string Value);

/// <summary>
/// What the database may hold however hostile the forms' input was. Every column a form writes
/// keeps the rule its validator gives it (the limit as a person counts, twice that in stored code
/// units, one line where the box is one line, no hidden characters); and every text column of every
/// table, and every string inside the JSON ones, holds no hidden control or direction-changing
/// character and nothing longer than the longest box (4,000 characters).
/// </summary>
internal static class StoredText
{
    private sealed record Rule(string Column, int Limit, bool Multiline, Func<HubDbContext, Task<List<string?>>> Read);

    private static Rule One(string column, int limit, bool multiline, Func<HubDbContext, IQueryable<string?>> query) =>
        new(column, limit, multiline, db => query(db).ToListAsync());

    private static Rule Each(string column, int limit, bool multiline, Func<HubDbContext, IQueryable<List<string>>> query) =>
        new(column, limit, multiline, async db => (await query(db).ToListAsync()).SelectMany(l => l).Select(s => (string?)s).ToList());

    private static Rule Within<T>(string column, int limit, bool multiline, Func<HubDbContext, IQueryable<T>> query, Func<T, IEnumerable<string?>> texts) =>
        new(column, limit, multiline, async db => (await query(db).ToListAsync()).SelectMany(texts).ToList());

    /// <summary>Limits from the validators; where two ways in allow different limits (the offer form and the importer), the looser one.</summary>
    private static readonly Rule[] Rules =
    [
        One("Referrals.OutcomeNote", 2000, true, db => db.Referrals.Select(x => x.OutcomeNote)),
        One("ContactAttempts.Note", 2000, true, db => db.ContactAttempts.Select(x => x.Note)),
        One("Contacts.Note", 2000, true, db => db.Contacts.Select(x => x.Note)),
        Each("Contacts.NetworkAttendees", 200, false, db => db.Contacts.Select(x => x.NetworkAttendees)),
        One("NetworkMeetings.Purpose", 2000, true, db => db.NetworkMeetings.Select(x => x.Purpose)),
        Each("NetworkMeetings.NetworkInvitees", 200, false, db => db.NetworkMeetings.Select(x => x.NetworkInvitees)),
        One("Handoffs.Note", 4000, true, db => db.Handoffs.Select(x => (string?)x.Note)),
        One("Handoffs.DeclineReason", 4000, true, db => db.Handoffs.Select(x => x.DeclineReason)),
        One("CommunityLinks.Note", 2000, true, db => db.CommunityLinks.Select(x => x.Note)),
        One("CareStarts.Note", 500, true, db => db.CareStarts.Select(x => x.Note)),
        One("ReferralSpells.ClosureNote", 2000, true, db => db.Spells.Select(x => x.ClosureNote)),
        One("PlanSuggestions.Text", 2000, true, db => db.PlanSuggestions.Select(x => (string?)x.Text)),
        One("PlanSuggestions.Extra", 30, false, db => db.PlanSuggestions.Select(x => x.Extra)),
        One("SharedNotes.Text", 2000, true, db => db.SharedNotes.Select(x => (string?)x.Text)),
        One("MoodCheckIns.Words", 500, true, db => db.MoodCheckIns.Select(x => x.Words)),
        One("People.PreferredName", 100, false, db => db.People.Select(x => x.PreferredName)),
        One("People.Neighbourhood", 200, false, db => db.People.Select(x => x.Neighbourhood)),
        One("People.PreferredLanguage", 200, false, db => db.People.Select(x => x.Communication.PreferredLanguage)),
        One("Organisations.Name", 200, false, db => db.Set<Hub.Domain.Directory.Organisation>().Select(x => (string?)x.Name)),
        One("Teams.Name", 200, false, db => db.Teams.Select(x => (string?)x.Name)),
        One("TeamMembers.Name", 200, false, db => db.TeamMembers.Select(x => (string?)x.Name)),
        One("TeamMembers.JobTitle", 200, false, db => db.TeamMembers.Select(x => x.JobTitle)),
        Each("TeamMembers.Skills", 100, false, db => db.TeamMembers.Select(x => x.Skills)),
        Each("TeamMembers.Languages", 60, false, db => db.TeamMembers.Select(x => x.Languages)),
        Each("TeamMembers.Neighbourhoods", 60, false, db => db.TeamMembers.Select(x => x.Neighbourhoods)),
        One("CommunityOffers.Name", 300, false, db => db.CommunityOffers.Select(x => (string?)x.Name)),
        One("CommunityOffers.OrganisationName", 300, false, db => db.CommunityOffers.Select(x => (string?)x.OrganisationName)),
        One("CommunityOffers.Description", 4000, true, db => db.CommunityOffers.Select(x => x.Description)),
        One("CommunityOffers.Neighbourhood", 300, false, db => db.CommunityOffers.Select(x => x.Neighbourhood)),
        One("CommunityOffers.LocationName", 300, false, db => db.CommunityOffers.Select(x => x.LocationName)),
        One("CommunityOffers.Address", 300, true, db => db.CommunityOffers.Select(x => x.Address)),
        One("CommunityOffers.Postcode", 10, false, db => db.CommunityOffers.Select(x => x.Postcode)),
        One("CommunityOffers.ScheduleNote", 4000, true, db => db.CommunityOffers.Select(x => x.ScheduleNote)),
        One("CommunityOffers.CostNote", 4000, true, db => db.CommunityOffers.Select(x => x.CostNote)),
        One("CommunityOffers.Phone", 50, false, db => db.CommunityOffers.Select(x => x.Phone)),
        One("CommunityOffers.Email", 254, false, db => db.CommunityOffers.Select(x => x.Email)),
        One("CommunityOffers.Url", 2000, false, db => db.CommunityOffers.Select(x => x.Url)),
        Each("CommunityOffers.Languages", 300, false, db => db.CommunityOffers.Select(x => x.Languages)),
        Within("SupportPlans.Content (long answers)", 4000, true, db => db.SupportPlans.Select(x => x.Content), c => [c.WhatMattersToMe, c.WhenStruggling]),
        Within("SupportPlans.Content (goals)", 500, false, db => db.SupportPlans.Select(x => x.Content), c => c.Goals.Select(g => (string?)g.Text)),
        Within("SupportPlans.Content (steps)", 1000, false, db => db.SupportPlans.Select(x => x.Content), c => c.Steps.Select(s => (string?)s.Text)),
        Within("SupportPlans.Content (who to call)", 200, false, db => db.SupportPlans.Select(x => x.Content), c => c.Numbers.Select(n => (string?)n.Who)),
        Within("SupportPlans.Content (numbers)", 30, false, db => db.SupportPlans.Select(x => x.Content), c => c.Numbers.Select(n => (string?)n.Number)),
        Within("Conversations.Content (long answers)", 4000, true, db => db.Conversations.Select(x => x.Content), c =>
            new[] { c.WhatMatters, c.GoingWell, c.Strengths, c.Resources, c.PractitionerSummary, c.SafetyPlan.WarningSigns, c.SafetyPlan.WhatHelps,
                c.SafetyPlan.PeopleAndPlaces, c.SafetyPlan.ProfessionalContacts, c.SafetyPlan.MakingThingsSafer }
                .Concat(c.Needs.SelectMany(n => new[] { n.InTheirWords, n.WhatWouldHelp }))),
        Within("Conversations.Content (DIALOG comments)", 1000, true, db => db.Conversations.Select(x => x.Content), c => c.Dialog.Values.Select(a => a.Comment)),
        Within("Conversations.Content (network names)", 100, false, db => db.Conversations.Select(x => x.Content),
            c => c.Network.SelectMany(m => new[] { m.Name, m.Relationship })),
        Within("Conversations.Content (goals)", 500, false, db => db.Conversations.Select(x => x.Content), c => c.Goals.Select(g => (string?)g.Text)),
    ];

    /// <summary>Tables holding what the hub itself writes (keys, migrations), left out of the every-column scan.</summary>
    private static readonly string[] NotTyped = ["__EFMigrationsHistory", "DataProtectionKeys"];

    /// <summary>The columns the forms write, by their validators' rules; with <paramref name="everyColumn"/>, every text column of every table too.</summary>
    public static async Task<List<StoredProblem>> CheckAsync(HubWebFactory factory, bool everyColumn)
    {
        var problems = new List<StoredProblem>();
        foreach (var rule in Rules)
        {
            var values = await factory.WithDbAsync(rule.Read);
            foreach (var value in values.OfType<string>())
            {
                if (Breaks(value, rule.Limit, rule.Multiline) is { } problem)
                {
                    problems.Add(new StoredProblem(rule.Column, problem, value));
                }
            }
        }
        if (everyColumn)
        {
            problems.AddRange(await EveryTextColumnAsync(factory));
        }
        return problems;
    }

    /// <summary>What is wrong with a stored text under a box's rule, or null.</summary>
    public static string? Breaks(string value, int limit, bool multiline)
    {
        if (!TextRules.FitsWithin(value, limit))
        {
            return $"longer than its limit of {limit:N0} ({TextRules.VisibleLength(value):N0} characters, {value.Length:N0} stored)";
        }
        if (TextRules.HasForbiddenCharacters(value, multiline))
        {
            return multiline ? "hidden characters" : "a line break or hidden characters in a one-line box";
        }
        return null;
    }

    private static async Task<List<StoredProblem>> EveryTextColumnAsync(HubWebFactory factory)
    {
        var columns = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<TableColumn>("""
            SELECT table_name AS "Table", column_name AS "Column" FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character')
            ORDER BY table_name, column_name
            """).ToListAsync());
        var problems = new List<StoredProblem>();
        foreach (var (table, column) in columns.Where(c => !NotTyped.Contains(c.Table)).Select(c => (c.Table, c.Column)))
        {
            // Names from the catalogue, quoted as identifiers.
            var sql = $"SELECT {Quote(column)} AS \"Value\" FROM {Quote(table)} WHERE {Quote(column)} IS NOT NULL";
            var values = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());
            foreach (var value in values)
            {
                foreach (var text in StringsIn(value))
                {
                    if (Breaks(text, Hostile.LongestTextLimit, multiline: true) is { } problem)
                    {
                        problems.Add(new StoredProblem($"{table}.{column}", problem, text));
                        break;
                    }
                }
            }
        }
        return problems;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A stored value, or every string inside it when it is JSON.</summary>
    private static IEnumerable<string> StringsIn(string value)
    {
        if (value.Length == 0 || value[0] is not ('{' or '['))
        {
            return [value];
        }
        try
        {
            using var json = JsonDocument.Parse(value);
            var strings = new List<string>();
            Collect(json.RootElement, strings);
            return strings;
        }
        catch (JsonException)
        {
            return [value];
        }
    }

    private static void Collect(JsonElement element, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, strings);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    strings.Add(property.Name);
                    Collect(property.Value, strings);
                }
                break;
        }
    }

    private sealed record TableColumn(string Table, string Column);
}
