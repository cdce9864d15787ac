using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;

namespace Hub.Application.Space;

/// <summary>
/// The sign-in message for a community space, by email or text. It names no health service and says
/// nothing about the hub; the link is minted by the sender when it goes (docs/decisions/030), so the
/// queued message holds nothing anyone could use.
/// </summary>
public static class SpaceLinkMessage
{
    public const string Purpose = "space-link";

    public static void Enqueue(IEmailOutbox outbox, MessageChannel channel, string to, Guid linkId)
    {
        if (channel == MessageChannel.Text)
        {
            outbox.Enqueue(new OutgoingText(to, MessageTemplates.SpaceLink, new Dictionary<string, string> { ["link"] = PlanLinks.Placeholder }, Purpose, null, linkId));
            return;
        }
        outbox.Enqueue(new OutgoingEmail(to, "Your space: a link to sign in",
            "Hello,\n\n" +
            $"Here is your link to sign in to your space on Connect and Do: {PlanLinks.Placeholder}\n\n" +
            "It works once, for 30 minutes. If you did not ask for it, you can ignore this message: nobody can sign in without the link.\n\n" +
            "If you need help urgently, call 999, or NHS 111. Samaritans are there day and night on 116 123.\n",
            Purpose, null, linkId));
    }
}
