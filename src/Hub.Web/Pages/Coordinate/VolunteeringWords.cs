using Hub.Domain.Volunteering;

namespace Hub.Web.Pages.Coordinate;

/// <summary>The volunteering states in the coordinator's words.</summary>
public static class VolunteeringWords
{
    public static string Describe(RequestClosure? closure) => closure switch
    {
        RequestClosure.GoingAloneNow => "Going alone now",
        RequestClosure.NoLongerWanted => "No longer wanted",
        RequestClosure.CouldNotReach => "Could not reach them",
        _ => "Open",
    };

    public static string Describe(MatchEnding? ending) => ending switch
    {
        MatchEnding.VolunteerPaused => "volunteer paused",
        MatchEnding.ReturnedByCoordinator => "taken back",
        MatchEnding.RequestClosed => "request closed",
        _ => "current",
    };

    public static string Describe(VolunteerStatus status) => status switch
    {
        VolunteerStatus.Applied => "New: checks to do",
        VolunteerStatus.Active => "Approved",
        VolunteerStatus.Paused => "Paused",
        _ => "Stopped",
    };

    public static string Describe(DbsCheckType? type) => type switch
    {
        DbsCheckType.Basic => "Basic",
        DbsCheckType.Standard => "Standard",
        DbsCheckType.Enhanced => "Enhanced",
        DbsCheckType.EnhancedWithAdultsBarredList => "Enhanced with adults' barred list",
        _ => "Not recorded",
    };

    public static string Describe(HowItWent? said) => said switch
    {
        HowItWent.Good => "It went well",
        HowItWent.Okay => "It was OK",
        HowItWent.NotGood => "It did not go well",
        _ => "Not said",
    };
}
