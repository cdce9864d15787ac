using Hub.Domain.Conversations;

namespace Hub.Web.Pages.Staff.Conversations;

/// <summary>The address of each section's page: words in the URL, the enum everywhere else.</summary>
public static class SectionPages
{
    private static readonly Dictionary<ConversationSection, string> Slugs = new()
    {
        [ConversationSection.WhatMatters] = "what-matters",
        [ConversationSection.Strengths] = "strengths",
        [ConversationSection.People] = "people",
        [ConversationSection.Dialog] = "dialog",
        [ConversationSection.LifeAreas] = "life-areas",
        [ConversationSection.SafetyPlan] = "safety-plan",
        [ConversationSection.Goals] = "goals",
        [ConversationSection.Summary] = "summary",
    };

    public static string Slug(this ConversationSection section) => Slugs[section];

    public static ConversationSection? FromSlug(string? slug) =>
        Slugs.FirstOrDefault(kv => kv.Value == slug) is { Value: not null } found ? found.Key : null;

    public static string TaskListUrl(Guid conversationId) => $"/staff/conversations/{conversationId}/edit";

    public static string Url(Guid conversationId, ConversationSection section) => $"/staff/conversations/{conversationId}/edit/{section.Slug()}";

    /// <summary>The next section in task list order, or null after the last.</summary>
    public static ConversationSection? Next(this ConversationSection section) =>
        ConversationSections.All.SkipWhile(s => s != section).Skip(1).Cast<ConversationSection?>().FirstOrDefault();
}
