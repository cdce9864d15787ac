using Hub.Domain.Audit;
using Hub.Domain.People;

namespace Hub.Domain.Volunteering;

/// <summary>How a person who asked for a supporter wants to be reached.</summary>
public enum ReachBy
{
    Email = 1,
    Text = 2,
}

/// <summary>
/// How to reach someone who asked for a volunteer to come along: by email or by text to a mobile,
/// and whether messages are safe. A message goes only by the chosen way and only when they said
/// messages are safe; a volunteer is shown only the one way the person chose.
/// </summary>
public sealed record ComeAlongContact(ReachBy By, string? Email, string? Mobile, bool MessagesSafe)
{
    /// <summary>The one address the person chose (an email address or a mobile number).</summary>
    public string Address => By == ReachBy.Email ? Email! : Mobile!;

    /// <summary>Where a message may go, or null when the person said messages are not safe (the volunteer or coordinator then calls or waits to be called).</summary>
    public string? MessageTo => MessagesSafe ? Address : null;

    /// <summary>The person's <see cref="ContactKey"/>: how their own space finds what they asked for.</summary>
    public string KeyWith(AuditKey key) => ContactKey.Of(key, Address);
}
