using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Security;

/// <summary>
/// The case issue 20 found, end to end: a contact recorded from one person's record, with a field
/// named <c>id</c> naming another person's referral added to the form (and to the query), lands on
/// the record in the address and leaves the other untouched.
/// </summary>
public sealed class RecordIdFromAddressTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly HubWebFactory _hub = new(database.ConnectionString);

    [SkippableFact]
    public async Task Should_record_a_contact_on_the_record_in_the_address_whatever_id_the_form_names()
    {
        var shown = await _hub.NewReferralAsync();
        var other = await _hub.NewReferralAsync();
        var teamLeader = await _hub.SignedInAsync(TeamLeader);
        var record = await teamLeader.GetDocumentAsync($"/staff/triage/referrals/{shown}");
        var form = record.QuerySelector("form[action*='handler=contact']")!;
        form.SetAttribute("action", form.GetAttribute("action") + $"&id={other}");

        var saved = await teamLeader.SubmitAsync(record, "form[action*='handler=contact']",
            [new("Contact.Medium", "Phone"), new("Contact.Place", "Remote"), new("Contact.Attended", "yes"), new("Contact.DurationMinutes", "20"),
             new("id", other.ToString()), new("Id", other.ToString())]);

        saved.IsRedirect().ShouldBeTrue("the contact was recorded");
        (await ContactsOf(shown)).ShouldBe(1, "on the record in the address");
        (await ContactsOf(other)).ShouldBe(0, "and nothing on the record the form named");
    }

    private Task<int> ContactsOf(Guid referralId) => _hub.WithDbAsync(db => db.Contacts.CountAsync(c => c.ReferralId == referralId));

    public void Dispose() => _hub.Dispose();
}
