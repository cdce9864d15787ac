using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.Infrastructure.Email;
using Hub.TestSupport;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.WebTests.Messaging;

/// <summary>
/// GOV.UK Notify's delivery receipts, posted over real HTTP to the hub on Kestrel: only with the
/// bearer token, and a text that did not arrive shows on the person's record.
/// </summary>
public sealed class DeliveryReceiptTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();
    private HubWebFactory _factory = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _factory = new HubWebFactory(database.ConnectionString);
        foreach (var (key, value) in _notify.Settings())
        {
            _factory.With(key, value);
        }
        _factory.UseKestrel(0);
        _factory.StartServer();
        _http = new HttpClient { BaseAddress = _factory.ClientOptions.BaseAddress };
        return Task.CompletedTask;
    }

    private async Task<(Guid ReferralId, NotifyStandIn.Sent Text)> ReferredAndTextedAsync(string mobile)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var answers = new SelfReferralAnswers { PreferredName = "Ari Invented", ContactMethod = ContactMethod.Text, Phone = mobile, SafeToLeaveMessage = "yes" };
        var submitted = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SubmitSelfReferral(answers, Guid.NewGuid()));
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync("receipt-test", 50, CancellationToken.None);
        var referralId = await _factory.WithDbAsync(db => db.Referrals.Where(r => r.Reference == submitted.Reference).Select(r => r.Id).SingleAsync());
        return (referralId, _notify.Texts.Single(t => t.To == mobile));
    }

    private Task<HttpResponseMessage> PostReceipt(NotifyStandIn.Sent text, string status, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/notify/delivery-receipts")
        {
            Content = JsonContent.Create(new { id = text.Id, reference = text.Reference, to = text.To, status, notification_type = "sms" }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return _http.SendAsync(request);
    }

    [SkippableFact]
    public async Task Should_show_on_the_record_that_a_text_was_not_delivered()
    {
        var (referralId, text) = await ReferredAndTextedAsync("07700 900 701");

        (await PostReceipt(text, "permanent-failure", NotifyStandIn.CallbackToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var stored = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ProviderId == text.Id));
        stored.Delivery.ShouldBe("permanent-failure");
        using var staff = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _factory.ClientOptions.BaseAddress };
        (await staff.SignInAsync("teamleader@demo.livingwell.test", "LivingWell-demo-2026")).IsRedirect().ShouldBeTrue();
        var record = await staff.GetDocumentAsync($"/staff/triage/referrals/{referralId}");
        record.QuerySelector($"[data-message-problem='{stored.Id}']").ShouldNotBeNull("a warning that the text did not arrive")
            .TextContent.ShouldContain("Referral confirmation was not delivered");
        record.QuerySelector("[data-message-state='NotDelivered']").ShouldNotBeNull();
    }

    [SkippableFact]
    public async Task Should_refuse_a_receipt_without_the_bearer_token_and_change_nothing()
    {
        var (_, text) = await ReferredAndTextedAsync("07700 900 702");

        (await PostReceipt(text, "delivered", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostReceipt(text, "delivered", "not-the-token")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ProviderId == text.Id))).Delivery.ShouldBeNull();

        (await PostReceipt(text, "delivered", NotifyStandIn.CallbackToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PostReceipt(text, "temporary-failure", NotifyStandIn.CallbackToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ProviderId == text.Id))).Delivery
            .ShouldBe("delivered", "a late temporary failure never overwrites a final answer");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
        await _notify.DisposeAsync();
    }
}
