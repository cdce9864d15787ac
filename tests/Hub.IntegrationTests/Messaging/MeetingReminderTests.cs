using Hub.Application.Common.Messaging;
using Hub.Application.Meetings.SendMeetingReminders;
using Hub.Domain.Contacts;
using Hub.Domain.Referrals;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.Messaging.MessagingWorld;

namespace Hub.IntegrationTests.Messaging;

/// <summary>
/// Network meeting reminders go the way the person chose, once a meeting, within a day of it: a
/// text through Notify (the stand-in checks the template and its fields) only for someone who chose
/// texts and said messages are safe, an email for someone who gave an address, nothing otherwise.
/// </summary>
public sealed class MeetingReminderTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();

    [SkippableFact]
    public async Task Should_remind_each_person_once_the_day_before_by_their_own_choice_and_say_only_the_day_and_time()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var texts = await CareTeams.CareTeamWorld.TriagedReferral(host, TextsOnly("07700 900 311"));
        var notSafe = await CareTeams.CareTeamWorld.TriagedReferral(host, TextsOnly("07700 900 312", safe: "no"));
        var email = await CareTeams.CareTeamWorld.TriagedReferral(host, CareTeams.CareTeamWorld.Answers(email: "meeting.313@example.org"));
        var cancelled = await CareTeams.CareTeamWorld.TriagedReferral(host, TextsOnly("07700 900 314"));
        await Dispatch(host); // the referral confirmations go first
        var textsBefore = _notify.Texts.Count;
        var mailBefore = mail.Sent.Count;

        // 14:30 UK time on the day after tomorrow.
        var day = Hub.Application.Common.UkTime.Today(host.Clock.GetUtcNow()).AddDays(2);
        var at = Hub.Application.Common.UkTime.FromLocal(day.ToDateTime(new TimeOnly(14, 30)));
        var meetings = new[] { texts, notSafe, email, cancelled }.ToDictionary(r => r.Id, r => Meeting(r, at, host.Clock.GetUtcNow()));
        meetings[cancelled.Id].Cancel();
        await host.WithDb(async db => { db.NetworkMeetings.AddRange(meetings.Values); await db.SaveChangesAsync(); return 0; });

        (await host.SendAsPublic(new SendMeetingReminders())).ShouldBe(0, "more than a day ahead is not yet due");
        host.Clock.Advance(at - host.Clock.GetUtcNow() - TimeSpan.FromHours(23));
        (await host.SendAsPublic(new SendMeetingReminders())).ShouldBe(2, "the person who chose texts and the one who gave an email address");
        (await host.SendAsPublic(new SendMeetingReminders())).ShouldBe(0, "one reminder a meeting, however often the job runs");
        await Dispatch(host);

        _notify.Refusals.ShouldBeEmpty();
        var text = _notify.Texts.Skip(textsBefore).ShouldHaveSingleItem();
        (text.To, text.TemplateId).ShouldBe(("07700 900 311", NotifyStandIn.Templates["meeting-reminder"].Id));
        text.Personalisation.ShouldBe(new Dictionary<string, string> { ["date"] = day.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), ["time"] = "2:30pm" },
            "the day and the time: no name, no place, nothing about the service");
        var sent = mail.Sent.Skip(mailBefore).Where(m => m.Purpose == SendMeetingRemindersHandler.Purpose).ShouldHaveSingleItem();
        sent.To.ShouldBe("meeting.313@example.org");
        sent.Body.ShouldContain("at 2:30pm");
        foreach (var word in new[] { "Living Well", "mental", "health", "Test person", "network", "Invented" })
        {
            (sent.Subject + sent.Body).ShouldNotContain(word, Case.Insensitive);
        }

        var marked = await host.WithDb(db => db.NetworkMeetings.AsNoTracking().ToDictionaryAsync(m => m.PersonId, m => m.ReminderSentAt));
        marked[notSafe.PersonId].ShouldNotBeNull("nothing could be sent, and nothing is tried again");
        marked[cancelled.PersonId].ShouldBeNull("a cancelled meeting is not reminded");
        (await Messages(host)).Where(m => m.PersonId == notSafe.PersonId && m.Purpose == SendMeetingRemindersHandler.Purpose).ShouldBeEmpty();
        var onRecord = (await host.WithService<Hub.Application.Common.Interfaces.IEmailOutbox, IReadOnlyList<PersonMessage>>(o => o.ForPerson(texts.PersonId, CancellationToken.None)))
            .Single(m => m.Purpose == SendMeetingRemindersHandler.Purpose);
        (onRecord.What, onRecord.Channel, onRecord.State).ShouldBe(("Network meeting reminder", MessageChannel.Text, MessageState.Sent), "staff see the reminder on the record");

        host.Clock.Advance(TimeSpan.FromDays(2));
        (await host.SendAsPublic(new SendMeetingReminders())).ShouldBe(0, "never after the meeting");
    }

    private static NetworkMeeting Meeting(Referral referral, DateTimeOffset at, DateTimeOffset now) =>
        new(referral.SpellId, referral.PersonId, at, ContactMedium.FaceToFace, ContactPlace.Hub, [Guid.NewGuid()], ["Invented sister"], "Invented purpose", Guid.NewGuid(), now);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
