using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;

namespace Hub.Application.SupportPlans.Link;

/// <summary>
/// The sign-in message, by email or text: no service named, no clinical words, the urgent numbers at
/// the end of the email. The link itself is not here: the sender mints it when the message goes
/// (docs/decisions/030), so the queued message holds nothing anyone could use.
/// </summary>
public static class PlanLinkEmail
{
    public static OutgoingEmail For(string to, string? name, Guid linkId, Guid personId, string purpose = "plan-link") => new(to, "Your plan: a link to open it",
        $"{(name is null ? "Hello" : "Hello " + name)},\n\n" +
        $"Here is your link to open your plan: {PlanLinks.Placeholder}\n\n" +
        "It works once, for 24 hours. If it has run out, ask for a new one on the page it opens, or ask whoever supports you.\n\n" +
        "If you need help urgently, call 999, or NHS 111 and choose option 2. Samaritans are there day and night on 116 123.\n",
        purpose, personId, linkId);

    /// <summary>Queues the link the way the route says: by text or by email.</summary>
    public static void Enqueue(IEmailOutbox outbox, MessageRoute route, string? firstName, Guid linkId, Guid personId, string purpose = "plan-link")
    {
        if (route.Channel == MessageChannel.Text)
        {
            var personalisation = new Dictionary<string, string> { ["link"] = PlanLinks.Placeholder, ["first_name"] = firstName ?? "there" };
            outbox.Enqueue(new OutgoingText(route.To!, MessageTemplates.PlanLink, personalisation, purpose, personId, linkId));
        }
        else if (route.Channel == MessageChannel.Email)
        {
            outbox.Enqueue(For(route.To!, firstName, linkId, personId, purpose));
        }
    }
}
