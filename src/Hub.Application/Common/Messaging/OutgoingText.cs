namespace Hub.Application.Common.Messaging;

/// <summary>
/// A text message through GOV.UK Notify: the template is named by its key (configuration maps each
/// key to a Notify template id) and the personalisation holds only what that template shows.
/// </summary>
/// <param name="To">A UK mobile number as the person gave it.</param>
/// <param name="Template">One of <see cref="MessageTemplates"/>.</param>
/// <param name="PlanLinkId">A pending plan link minted at send time into any value equal to <see cref="PlanLinks.Placeholder"/>.</param>
public sealed record OutgoingText(string To, string Template, IReadOnlyDictionary<string, string> Personalisation, string Purpose, Guid? PersonId, Guid? PlanLinkId = null);

/// <summary>The Notify templates the hub uses; <c>Hub:Notify:Templates:{key}</c> holds each id.</summary>
public static class MessageTemplates
{
    /// <summary>((first_name)) optional, ((link)).</summary>
    public const string PlanLink = "plan-link";

    /// <summary>((link)): a one-time link to sign in to a community space (docs/decisions/040).</summary>
    public const string SpaceLink = "space-link";

    /// <summary>((reference)).</summary>
    public const string ReferralConfirmation = "referral-confirmation";

    /// <summary>((date)).</summary>
    public const string ReviewReminder = "review-reminder";

    /// <summary>((date)), ((time)).</summary>
    public const string MeetingReminder = "meeting-reminder";

    /// <summary>((link)) to refer again.</summary>
    public const string WayBack = "way-back";

    /// <summary>A Connect and Do group's public page: ((name)), ((link)).</summary>
    public const string GroupPage = "group-page";

    /// <summary>No fields: "we have your request for someone to come with you".</summary>
    public const string ComeAlongReceived = "come-along-received";
    /// <summary>((link)): a one-time link into the person's space, landing on the outing, to say how it went (3 days; docs/decisions/041).</summary>
    public const string HowDidItGo = "how-did-it-go";
    /// <summary>For email through Notify: ((subject)) and ((body)).</summary>
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [PlanLink, SpaceLink, ReferralConfirmation, ReviewReminder, MeetingReminder, WayBack, GroupPage, ComeAlongReceived, HowDidItGo, Email];
}

/// <summary>Where a plan link goes in a message: the sender mints the token and puts the link here.</summary>
public static class PlanLinks
{
    public const string Placeholder = "((plan-link))";

    public static string Path(string token) => "/my/link/" + token;

    /// <summary>A community space's sign-in link (docs/decisions/040), carried in the same placeholder.</summary>
    public static string SpacePath(string token) => "/space/link/" + token;
}
