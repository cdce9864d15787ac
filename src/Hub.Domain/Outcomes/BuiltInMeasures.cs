namespace Hub.Domain.Outcomes;

/// <summary>The measures every hub has: DIALOG and Goal-Based Outcomes.</summary>
public static class BuiltInMeasures
{
    public const string DialogCode = "DIALOG";
    public const string GboCode = "GBO";

    public static readonly IReadOnlyList<string> DialogLifeAreas =
        ["mental-health", "physical-health", "job-situation", "accommodation", "leisure-activities", "friendships", "partner-family", "personal-safety"];

    public static readonly IReadOnlyList<string> DialogTreatmentItems = ["medication", "practical-help", "meetings-with-professionals"];

    /// <summary>
    /// DIALOG: eight life areas and three treatment aspects rated 1 (totally dissatisfied) to
    /// 7 (totally satisfied). Quality of life is the mean of the life areas, treatment satisfaction
    /// the mean of the treatment items; a change of 1 point in a mean is reliable.
    /// </summary>
    public static MeasureDefinition Dialog { get; } = new(
        DialogCode,
        "DIALOG",
        "Free to use in clinical practice (developed by Priebe and colleagues, Queen Mary University of London).",
        [
            Rate("mental-health", "How satisfied are you with your mental health?"),
            Rate("physical-health", "How satisfied are you with your physical health?"),
            Rate("job-situation", "How satisfied are you with your job situation?"),
            Rate("accommodation", "How satisfied are you with your accommodation?"),
            Rate("leisure-activities", "How satisfied are you with your leisure activities?"),
            Rate("friendships", "How satisfied are you with your relationship with friends?"),
            Rate("partner-family", "How satisfied are you with your relationship with your partner or family?"),
            Rate("personal-safety", "How satisfied are you with your personal safety?"),
            Rate("medication", "How satisfied are you with your medication?"),
            Rate("practical-help", "How satisfied are you with the practical help you receive?"),
            Rate("meetings-with-professionals", "How satisfied are you with your meetings with professionals?"),
        ],
        [
            new MeasureScale("quality-of-life", "Quality of life", DialogLifeAreas, ReliableChange: 1m),
            new MeasureScale("treatment-satisfaction", "Treatment satisfaction", DialogTreatmentItems, ReliableChange: 1m),
        ],
        IsBuiltIn: true);

    /// <summary>Goal-Based Outcomes: up to three goals in the person's words, each rated 0 to 10; 3 points is reliable.</summary>
    public const decimal GboReliableChange = 3m;
    public const int GboMinimum = 0;
    public const int GboMaximum = 10;
    public const int MaxGoals = 3;

    /// <summary>GBO as a measure: one item and one scale per goal, so it is scored like any other.</summary>
    public static MeasureDefinition Gbo { get; } = new(
        GboCode,
        "Goal-Based Outcomes",
        "Free to use (CORC). Goals are written by the person; there are no fixed item texts.",
        Enumerable.Range(1, MaxGoals).Select(i => new MeasureItem(GoalItem(i), $"Goal {i}", GboMinimum, GboMaximum, "No progress towards the goal", "Goal reached")).ToList(),
        Enumerable.Range(1, MaxGoals).Select(i => new MeasureScale(GoalItem(i), $"Goal {i}", [GoalItem(i)], GboReliableChange)).ToList(),
        IsBuiltIn: true);

    public static string GoalItem(int number) => $"goal-{number}";

    private static MeasureItem Rate(string code, string text) =>
        new(code, text, 1, 7, "Totally dissatisfied", "Totally satisfied");
}
