using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Messaging;
using Hub.Application.SupportPlans.Link.ExchangePlanLink;
using Hub.Application.SupportPlans.Link.SendPlanLink;
using Hub.Domain.SupportPlans;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.Messaging.MessagingWorld;

namespace Hub.IntegrationTests.Messaging;

/// <summary>Texts through GOV.UK Notify (a loopback stand-in that checks what Notify checks), from the outbox, by the person's own choices.</summary>
public sealed class TextMessageTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();

    [SkippableFact]
    public async Task Should_text_the_plan_link_minted_when_sent_so_no_usable_token_is_left_in_any_table()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;
        var referral = await WithPlan(host, TextsOnly("07700 900 301"));

        (await host.SendAsPractitioner(new SendPlanLink(referral.Id))).ShouldBe(MessageChannel.Text);
        var queued = (await Messages(host)).Single(m => m.Purpose == "plan-link");
        (queued.Personalisation ?? string.Empty).ShouldNotContain("/my/link/", customMessage: "no link waits in the outbox: it is minted when the text goes");

        await Dispatch(host);

        _notify.Refusals.ShouldBeEmpty();
        (await Messages(host)).Select(m => m.LastError).ShouldAllBe(e => e == null);
        var text = _notify.Texts.Single(t => t.Personalisation.ContainsKey("link"));
        text.To.ShouldBe("07700 900 301");
        text.TemplateId.ShouldBe(NotifyStandIn.Templates["plan-link"].Id);
        text.Personalisation["first_name"].ShouldBe("Sam", "the first name only");
        text.Personalisation.Keys.Order().ToArray().ShouldBe(["first_name", "link"], customMessage: "nothing the template does not show");
        text.Reference.ShouldBe(queued.Id.ToString("N"), "our reference is the outbox id: no personal data");
        var token = TokenIn(text.Personalisation["link"]);

        var everything = await EveryRow(host);
        everything.Where(r => r.Contains(token, StringComparison.Ordinal)).ShouldBeEmpty("no table holds the token or the link");
        (await host.SendAsPublic(new ExchangePlanLink(token))).Problem.ShouldBeNull("the token that was sent works");
        (await Messages(host)).Single(m => m.Purpose == "plan-link").SentAt.ShouldNotBeNull();
    }

    [SkippableFact]
    public async Task Should_send_no_text_to_a_person_who_did_not_say_messages_are_safe()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;
        var unsafeForTexts = await WithPlan(host, TextsOnly("07700 900 302", safe: "no"));

        var refused = await Should.ThrowAsync<FluentValidation.ValidationException>(() => host.SendAsPractitioner(new SendPlanLink(unsafeForTexts.Id)));
        refused.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("messages are not safe", Case.Insensitive);
        await Dispatch(host);

        (await Messages(host)).Where(m => m.Channel == MessageChannel.Text).ShouldBeEmpty("not the referral confirmation, not a link");
        _notify.Texts.ShouldBeEmpty();
        _notify.Requests.ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_send_one_text_when_notify_fails_twice_and_then_succeeds()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;
        var referral = await WithPlan(host, TextsOnly("07700 900 303"));
        await Dispatch(host); // the referral confirmation goes first
        var before = _notify.Texts.Count;
        await host.SendAsPractitioner(new SendPlanLink(referral.Id));

        _notify.FailNext(2);
        for (var run = 0; run < 3; run++)
        {
            await Dispatch(host);
            host.Clock.Advance(TimeSpan.FromHours(1)); // past the back-off
        }
        await Dispatch(host);

        _notify.Texts.Count.ShouldBe(before + 1, "one text, not three");
        var message = (await Messages(host)).Single(m => m.Purpose == "plan-link");
        (message.Attempts, message.SentAt is not null, message.FailedAt).ShouldBe((3, true, (DateTimeOffset?)null));
        _notify.Requests.ShouldBe(before + 3);
    }

    [SkippableFact]
    public async Task Should_text_the_referral_reference_only_to_someone_who_chose_texts_and_said_they_are_safe()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;
        var texts = await CareTeams.CareTeamWorld.TriagedReferral(host, TextsOnly("07700 900 304"));
        await CareTeams.CareTeamWorld.TriagedReferral(host, TextsOnly("07700 900 305", safe: "no"));
        await CareTeams.CareTeamWorld.TriagedReferral(host, CareTeams.CareTeamWorld.Answers(phone: "07700 900 306")); // chose calls

        await Dispatch(host);

        var sent = _notify.Texts.ShouldHaveSingleItem();
        (sent.To, sent.TemplateId, sent.Personalisation["reference"]).ShouldBe(("07700 900 304", NotifyStandIn.Templates["referral-confirmation"].Id, texts.Reference));
        sent.Personalisation.Count.ShouldBe(1, "the reference and nothing else");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
