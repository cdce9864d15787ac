using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;

namespace Hub.Application.Conversations;

/// <summary>Reads a conversation's ratings as measure responses (item code to rating; absent = not answered).</summary>
public static class ConversationRatings
{
    public static IReadOnlyDictionary<string, int?> Dialog(ConversationContent content) =>
        content.Dialog.Where(kv => kv.Value.Rating is not null).ToDictionary(kv => kv.Key, kv => kv.Value.Rating);

    public static IReadOnlyDictionary<string, int?> Gbo(ConversationContent content) =>
        content.Goals.Select((g, i) => (Item: BuiltInMeasures.GoalItem(i + 1), g.Rating))
            .Where(x => x.Rating is not null)
            .ToDictionary(x => x.Item, x => x.Rating);

    /// <summary>Every measure with at least one answered item, for storing as outcome records.</summary>
    public static IEnumerable<(string MeasureCode, IReadOnlyDictionary<string, int?> Ratings)> All(ConversationContent content)
    {
        var dialog = Dialog(content);
        if (dialog.Count > 0) yield return (BuiltInMeasures.DialogCode, dialog);
        var gbo = Gbo(content);
        if (gbo.Count > 0) yield return (BuiltInMeasures.GboCode, gbo);
        foreach (var (code, ratings) in content.OtherMeasures)
        {
            var answered = ratings.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
            if (answered.Count > 0) yield return (code, answered);
        }
    }
}
