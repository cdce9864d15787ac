using System.Net;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Referrals;

public sealed class SelfReferralFormTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    private HttpClient NewClient() => Factory.NewClient();

    [SkippableFact]
    public async Task Should_store_one_referral_and_show_its_reference_when_a_person_checks_and_sends_the_form()
    {
        var client = NewClient();
        var check = await client.CheckPageAsync(new Dictionary<string, string>
        {
            ["Answers.ContactMethod"] = "Phone",
            ["Answers.Phone"] = "07700 900 555",
            ["Answers.SafeToLeaveMessage"] = "no",
            ["Answers.PreferredName"] = "Kit",
            ["Answers.WhatIsHappening"] = "I have not been sleeping.",
        });

        var sent = await client.SendAsync(check);
        sent.IsRedirect().ShouldBeTrue();
        var confirmation = await client.GetDocumentAsync(sent.Headers.Location!.ToString());
        var reference = confirmation.Text(".hub-reference");
        reference.ShouldMatch("^[A-Z0-9]{4}-[A-Z0-9]{4}$");

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var stored = await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference);
        stored.WhatIsHappening.ShouldBe("I have not been sleeping.");
    }

    public void Dispose() => _factory?.Dispose();
}
