using Hub.Application.Common.Interfaces;
using Hub.Domain.People;

namespace Hub.Application.SupportPlans.Link;

/// <summary>The sign-in email: no service named in the subject, no clinical words, the urgent numbers at the end.</summary>
public static class PlanLinkEmail
{
    public static OutgoingEmail For(string to, string? name, string link) => new(to, "Your plan: a link to open it",
        $"{(name is null ? "Hello" : "Hello " + name)},\n\n" +
        $"Here is your link to open your plan: {link}\n\n" +
        "It works once, for 24 hours. If it has run out, ask for a new one on the page it opens, or ask whoever supports you.\n\n" +
        "If you need help urgently, call 999, or NHS 111 and choose option 2. Samaritans are there day and night on 116 123.\n",
        "plan-link");
}
