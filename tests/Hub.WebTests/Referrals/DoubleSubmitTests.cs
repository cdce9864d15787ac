using System.Net;
using AngleSharp.Dom;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Referrals;

/// <summary>
/// A double click, two tabs, or a retry after a dropped connection send the same checked form more
/// than once: each checked form is one referral, and every send shows the person the same reference.
/// </summary>
public sealed class DoubleSubmitTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int Pairs = 20;
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_store_one_referral_per_checked_form_when_each_form_is_sent_twice_at_the_same_moment()
    {
        var before = await Factory.CountReferralsAsync();

        // Each pair is one person's checked form, open in two "tabs" that share its cookies.
        var pairs = new List<(HttpClient First, HttpClient Second, AngleSharp.Html.Dom.IHtmlDocument Check)>();
        for (var i = 0; i < Pairs; i++)
        {
            var cookies = new CookieContainer();
            var first = Factory.NewClient(cookies);
            var check = await first.CheckPageAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("WhatIsHappening", $"Double submit {i}")));
            pairs.Add((first, Factory.NewClient(cookies.Copy()), check));
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = pairs.Select(async pair =>
        {
            await go.Task;
            var responses = await Task.WhenAll(pair.First.SendAsync(pair.Check), pair.Second.SendAsync(pair.Check));
            return (pair, responses);
        }).ToList();
        go.SetResult();
        var results = await Task.WhenAll(sends);

        var references = new List<string>();
        foreach (var (pair, responses) in results)
        {
            responses.Select(r => (int)r.StatusCode).ShouldAllBe(status => status == 302 || status == 303, "both sends of a pair redirect to the confirmation");
            var shownFirst = await pair.First.ReferenceShownAfterAsync(responses[0]);
            var shownSecond = await pair.Second.ReferenceShownAfterAsync(responses[1]);
            shownSecond.ShouldBe(shownFirst, "both sends of one form show the same reference");
            references.Add(shownFirst);
        }
        references.Distinct().Count().ShouldBe(Pairs, "different forms are different referrals");

        (await Factory.CountReferralsAsync()).ShouldBe(before + Pairs);
        var tokens = results.Select(r => Guid.Parse(r.pair.Check.FormToken())).ToList();
        var stored = await Factory.WithDbAsync(db => db.Referrals.AsNoTracking()
            .Where(r => r.FormToken != null && tokens.Contains(r.FormToken.Value))
            .Select(r => new { r.FormToken, r.Reference }).ToListAsync());
        stored.Count.ShouldBe(Pairs, "one row per form token");
        stored.Select(s => s.Reference).ShouldBe(references, ignoreOrder: true);
    }

    [SkippableFact]
    public async Task Should_show_the_same_reference_and_store_nothing_new_when_the_form_is_sent_again_after_a_dropped_connection()
    {
        var client = Factory.NewClient();
        var check = await client.CheckPageAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("WhatIsHappening", "Retry after a dropped connection")));
        var first = await client.SendAsync(check);
        var reference = await client.ReferenceShownAfterAsync(first);
        var afterFirst = await Factory.CountReferralsAsync();

        // The person never saw the confirmation, so they press "Send" on the same page again a little later.
        await Task.Delay(200);
        var retry = await client.SendAsync(check);

        (await client.ReferenceShownAfterAsync(retry)).ShouldBe(reference);
        (await Factory.CountReferralsAsync()).ShouldBe(afterFirst);
        var token = Guid.Parse(check.FormToken());
        (await Factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.FormToken == token))).ShouldBe(1);

        // The same from a new connection that kept only the page (for example after the phone switched networks).
        var elsewhere = Factory.NewClient();
        var fresh = await elsewhere.GetDocumentAsync("/refer");
        var freshToken = fresh.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var fromElsewhere = await elsewhere.SendAsync(check, [new("__RequestVerificationToken", freshToken)]);
        (await elsewhere.ReferenceShownAfterAsync(fromElsewhere)).ShouldBe(reference);
        (await Factory.CountReferralsAsync()).ShouldBe(afterFirst);
    }

    public void Dispose() => _factory?.Dispose();
}
