using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.WebTests;

/// <summary>What the web tests do again and again: a browser-like client, the self-referral steps, a staff sign-in.</summary>
internal static class WebTestExtensions
{
    public const string ReferralForm = "form[action='/refer?handler=review']";
    public const string SendButton = "button[formaction='/refer?handler=send']";
    public const string ChangeButton = "button[formaction^='/refer?handler=change']";
    public const string CheckPageHeading = "Check your answers before sending";
    public const string FormPageHeading = "Ask the Living Well Hub for support";
    public static readonly Uri BaseAddress = new("http://localhost");

    /// <summary>A client that keeps cookies and does not follow redirects, so a test sees each step.</summary>
    public static HttpClient NewClient(this HubWebFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress });

    /// <summary>A client whose cookie jar the test can read and copy (two tabs, a copied cookie).</summary>
    public static HttpClient NewClient(this HubWebFactory factory, CookieContainer cookies) =>
        factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies));

    public static CookieContainer Copy(this CookieContainer source)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in source.GetCookies(BaseAddress))
        {
            copy.Add(BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }
        return copy;
    }

    /// <summary>Opens the self-referral form and continues with <paramref name="answers"/> filled in.</summary>
    public static async Task<HttpResponseMessage> ReviewAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> answers)
    {
        var form = await client.GetDocumentAsync("/refer");
        return await client.SubmitAsync(form, ReferralForm, answers);
    }

    /// <summary>Fills in the form and returns the check-your-answers page (fails if the answers were rejected).</summary>
    public static async Task<IHtmlDocument> CheckPageAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> answers)
    {
        var response = await client.ReviewAsync(answers);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.ErrorSummary().ShouldBeEmpty();
        page.Text("h1").ShouldBe(CheckPageHeading);
        return page;
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, IHtmlDocument checkPage,
        IEnumerable<KeyValuePair<string, string>>? extra = null) =>
        client.SubmitAsync(checkPage, "form", extra, SendButton);

    /// <summary>Follows a send's redirect and reads the reference the person is shown.</summary>
    public static async Task<string> ReferenceShownAfterAsync(this HttpClient client, HttpResponseMessage sent)
    {
        sent.IsRedirect().ShouldBeTrue();
        var confirmation = await client.GetDocumentAsync(sent.Headers.Location!.ToString());
        var reference = confirmation.Text(".hub-reference");
        reference.ShouldMatch("^[A-Z0-9]{4}-[A-Z0-9]{4}$");
        return reference;
    }

    public static string FormToken(this IHtmlDocument checkPage) =>
        checkPage.QuerySelector<IHtmlInputElement>("input[name='FormToken']")?.Value ?? throw new InvalidOperationException("No FormToken on the page.");

    public static async Task<T> WithDbAsync<T>(this HubWebFactory factory, Func<HubDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public static Task<int> CountReferralsAsync(this HubWebFactory factory) =>
        factory.WithDbAsync(db => db.Referrals.CountAsync());

    /// <summary>Signs in through the real form; returns the sign-in response (a redirect when it worked).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetDocumentAsync("/staff/account/sign-in");
        // The form posts back to its own address, which a parsed document does not know.
        page.QuerySelector("form")!.SetAttribute("action", "/staff/account/sign-in");
        return await client.SubmitAsync(page, "form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
    }

    public static string PathOf(this HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', '#')[0])
            : string.Empty;

    public static Dictionary<string, string> Answers(params (string Field, string Value)[] values) =>
        values.ToDictionary(v => "Answers." + v.Field, v => v.Value);

    /// <summary>The NHS.UK date input's boxes for <paramref name="name"/> filled with a UK wall-clock time.</summary>
    public static Dictionary<string, string> DateTimeBoxes(string name, DateTime local)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return new Dictionary<string, string>
        {
            [$"{name}.Day"] = local.Day.ToString(c),
            [$"{name}.Month"] = local.Month.ToString(c),
            [$"{name}.Year"] = local.Year.ToString(c),
            [$"{name}.Hour"] = local.Hour.ToString(c),
            [$"{name}.Minute"] = local.Minute.ToString(c),
        };
    }
}
