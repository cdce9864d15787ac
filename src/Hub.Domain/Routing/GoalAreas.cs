using Hub.Domain.Conversations;

namespace Hub.Domain.Routing;

/// <summary>
/// Reads the life areas a goal touches from the person's own words ("get back to work", "pay off my
/// debts"), by keyword stems matched at the start of a word. Crude on purpose: it only widens the
/// needs that routing matches against, and a practitioner always confirms who helps.
/// </summary>
public static class GoalAreas
{
    // A word matches a keyword when it starts with it (or equals it, for whole-word keywords, where a
    // stem would catch other words: "pain" is not "paint"). When several keywords match one word the
    // longest wins, so "workout" is exercise, not work.
    private static readonly Keyword[] Keywords =
    [
        Stem("money", DeterminantArea.MoneyDebtAndBenefits),
        Stem("debt", DeterminantArea.MoneyDebtAndBenefits),
        Stem("benefit", DeterminantArea.MoneyDebtAndBenefits),
        Stem("bill", DeterminantArea.MoneyDebtAndBenefits),
        Stem("budget", DeterminantArea.MoneyDebtAndBenefits),
        Stem("afford", DeterminantArea.MoneyDebtAndBenefits),
        Stem("loan", DeterminantArea.MoneyDebtAndBenefits),
        Stem("credit", DeterminantArea.MoneyDebtAndBenefits),
        Stem("income", DeterminantArea.MoneyDebtAndBenefits),
        Stem("financ", DeterminantArea.MoneyDebtAndBenefits),

        Stem("rent", DeterminantArea.Housing),
        Stem("housing", DeterminantArea.Housing),
        Stem("house", DeterminantArea.Housing),
        Stem("homeless", DeterminantArea.Housing),
        Stem("landlord", DeterminantArea.Housing),
        Stem("tenan", DeterminantArea.Housing),
        Stem("evict", DeterminantArea.Housing),
        Stem("mortgage", DeterminantArea.Housing),
        Stem("accommodat", DeterminantArea.Housing),

        Stem("job", DeterminantArea.WorkStudyOrVolunteering),
        Stem("work", DeterminantArea.WorkStudyOrVolunteering),
        Stem("employ", DeterminantArea.WorkStudyOrVolunteering),
        Stem("unemploy", DeterminantArea.WorkStudyOrVolunteering),
        Stem("career", DeterminantArea.WorkStudyOrVolunteering),
        Stem("study", DeterminantArea.WorkStudyOrVolunteering),
        Stem("studi", DeterminantArea.WorkStudyOrVolunteering),
        Stem("college", DeterminantArea.WorkStudyOrVolunteering),
        Stem("universit", DeterminantArea.WorkStudyOrVolunteering),
        Stem("volunteer", DeterminantArea.WorkStudyOrVolunteering),
        Stem("apprentic", DeterminantArea.WorkStudyOrVolunteering),
        Stem("qualif", DeterminantArea.WorkStudyOrVolunteering),

        Stem("carer", DeterminantArea.CaringResponsibilities),
        Stem("caring", DeterminantArea.CaringResponsibilities),

        Stem("sleep", DeterminantArea.PhysicalHealth),
        Stem("walk", DeterminantArea.PhysicalHealth),
        Stem("exercis", DeterminantArea.PhysicalHealth),
        Stem("workout", DeterminantArea.PhysicalHealth),
        Stem("gym", DeterminantArea.PhysicalHealth),
        Stem("swim", DeterminantArea.PhysicalHealth),
        Stem("fitness", DeterminantArea.PhysicalHealth),
        Stem("yoga", DeterminantArea.PhysicalHealth),
        Stem("cycling", DeterminantArea.PhysicalHealth),
        Stem("diet", DeterminantArea.PhysicalHealth),
        Stem("weight", DeterminantArea.PhysicalHealth),
        Stem("physical", DeterminantArea.PhysicalHealth),
        Stem("smok", DeterminantArea.PhysicalHealth),
        Word("eat", DeterminantArea.PhysicalHealth),
        Word("eating", DeterminantArea.PhysicalHealth),
        Word("pain", DeterminantArea.PhysicalHealth),
        Stem("painful", DeterminantArea.PhysicalHealth),

        Stem("lonel", DeterminantArea.Loneliness),
        Stem("friend", DeterminantArea.Loneliness),
        Stem("isolat", DeterminantArea.Loneliness),
        Stem("alone", DeterminantArea.Loneliness),
        Stem("social", DeterminantArea.Loneliness),

        Stem("safe", DeterminantArea.Safety),
        Stem("abus", DeterminantArea.Safety),
        Stem("violen", DeterminantArea.Safety),

        Stem("alcohol", DeterminantArea.AlcoholAndDrugs),
        Stem("drink", DeterminantArea.AlcoholAndDrugs),
        Stem("drunk", DeterminantArea.AlcoholAndDrugs),
        Stem("drug", DeterminantArea.AlcoholAndDrugs),
        Stem("cannabis", DeterminantArea.AlcoholAndDrugs),
        Stem("sober", DeterminantArea.AlcoholAndDrugs),

        Stem("discriminat", DeterminantArea.Discrimination),
        Stem("racis", DeterminantArea.Discrimination),
        Stem("harass", DeterminantArea.Discrimination),
        Stem("prejudic", DeterminantArea.Discrimination),
        Stem("bully", DeterminantArea.Discrimination),
        Stem("bulli", DeterminantArea.Discrimination),

        Stem("immigra", DeterminantArea.ImmigrationOrLegalWorries),
        Stem("visa", DeterminantArea.ImmigrationOrLegalWorries),
        Stem("asylum", DeterminantArea.ImmigrationOrLegalWorries),
        Stem("deport", DeterminantArea.ImmigrationOrLegalWorries),
        Stem("citizenship", DeterminantArea.ImmigrationOrLegalWorries),
        Stem("solicitor", DeterminantArea.ImmigrationOrLegalWorries),
        Stem("lawyer", DeterminantArea.ImmigrationOrLegalWorries),
        Stem("legal", DeterminantArea.ImmigrationOrLegalWorries),
        Stem("court", DeterminantArea.ImmigrationOrLegalWorries),
    ];

    /// <summary>The life areas a goal touches, in a fixed order; empty when none are recognised.</summary>
    public static IReadOnlySet<DeterminantArea> Infer(string goal)
    {
        var areas = new SortedSet<DeterminantArea>();
        if (string.IsNullOrWhiteSpace(goal))
        {
            return areas;
        }

        foreach (var word in Words(goal))
        {
            Keyword? best = null;
            foreach (var keyword in Keywords)
            {
                if (keyword.Matches(word) && (best is null || keyword.Text.Length > best.Text.Length))
                {
                    best = keyword;
                }
            }
            if (best is not null)
            {
                areas.Add(best.Area);
            }
        }
        return areas;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static Keyword Stem(string text, DeterminantArea area) => new(text, area, WholeWord: false);

    private static Keyword Word(string text, DeterminantArea area) => new(text, area, WholeWord: true);

    private sealed record Keyword(string Text, DeterminantArea Area, bool WholeWord)
    {
        public bool Matches(string word) =>
            WholeWord ? word == Text : word.StartsWith(Text, StringComparison.Ordinal);
    }
}
