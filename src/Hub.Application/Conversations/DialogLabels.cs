using Hub.Domain.Outcomes;

namespace Hub.Application.Conversations;

/// <summary>Short names for the DIALOG items, for tables and the change summary.</summary>
public static class DialogLabels
{
    public static string Short(MeasureItem item) => Short(item.Code);

    public static string Short(string code) => code switch
    {
        "mental-health" => "Mental health",
        "physical-health" => "Physical health",
        "job-situation" => "Job situation",
        "accommodation" => "Accommodation",
        "leisure-activities" => "Leisure activities",
        "friendships" => "Friendships",
        "partner-family" => "Partner or family",
        "personal-safety" => "Personal safety",
        "medication" => "Medication",
        "practical-help" => "Practical help",
        "meetings-with-professionals" => "Meetings with professionals",
        _ => code,
    };
}
