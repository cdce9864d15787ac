using System.Net;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.WebTests.Referrals;

public sealed class SelfReferralFormTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    private HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [SkippableFact]
    public async Task Should_store_one_referral_and_show_its_reference_when_a_person_checks_and_sends_the_form()
    {
        var client = NewClient();
        var form = await client.GetDocumentAsync("/refer");

        var review = await client.SubmitAsync(form, "form", new Dictionary<string, string>
        {
            ["Answers.ContactMethod"] = "Phone",
            ["Answers.Phone"] = "07700 900 555",
            ["Answers.SafeToLeaveMessage"] = "no",
            ["Answers.PreferredName"] = "Kit",
            ["Answers.WhatIsHappening"] = "I have not been sleeping.",
        });
        review.StatusCode.ShouldBe(HttpStatusCode.OK);
        var check = await review.ReadDocumentAsync();
        check.Text("h1").ShouldBe("Check your answers before sending");

        var sent = await client.SubmitAsync(check, "form", submitSelector: "button[formaction='/refer?handler=send']");
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
