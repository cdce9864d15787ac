using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Hub.Web.Pages.Refer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.WebTests;

/// <summary>What the web tests do again and again: a browser-like client, the self-referral steps, a staff sign-in.</summary>
internal static class WebTestExtensions
{
    /// <summary>The form of the first question page (how to get in touch), at <c>/refer</c>.</summary>
    public const string ReferralForm = "form[action='/refer']";
    public const string SendButton = "button[type='submit']";
    public const string CheckPageHeading = "Check your answers before sending";
    public const string FormPageHeading = "How would you like us to contact you?";
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
        // Every cookie with its own path (the self-referral's journey lives under /refer), as two tabs share them.
        foreach (Cookie cookie in source.GetAllCookies())
        {
            copy.Add(BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }
        return copy;
    }

    /// <summary>
    /// Answers the self-referral one question page at a time, as a person would, each page with its
    /// own <paramref name="answers"/> (keyed "Answers.Field", plus "Website" for the honeypot, posted
    /// on the first page). Returns the first page that refused an answer (200 with errors), the
    /// redirect to the thank-you page (honeypot), or the check page's response once every page is answered.
    /// </summary>
    public static async Task<HttpResponseMessage> ReviewAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> answers)
    {
        var all = answers.ToList();
        var path = "/refer";
        for (var pages = 0; pages < 30; pages++)
        {
            var question = SelfReferralQuestions.All.Single(q => q.Path == path.Split('?')[0]);
            var page = await client.GetDocumentAsync(path);
            var response = await client.SubmitAsync(page, "form", ForPage(question, all));
            if (!response.IsRedirect())
            {
                return response;
            }
            path = response.Headers.Location!.OriginalString.Split('#')[0];
            if (path.StartsWith("/refer/check", StringComparison.Ordinal))
            {
                return await client.GetAsync("/refer/check");
            }
            if (!SelfReferralQuestions.All.Any(q => q.Path == path.Split('?')[0]))
            {
                return response;
            }
        }
        throw new InvalidOperationException("The question pages never reached the check page.");
    }

    /// <summary>The answers one question page posts: its own fields, a text message's number in its own box, the honeypot on the first page.</summary>
    public static List<KeyValuePair<string, string>> ForPage(SelfReferralQuestion question, IReadOnlyCollection<KeyValuePair<string, string>> answers)
    {
        var texting = answers.Any(a => a.Key == "Answers.ContactMethod" && a.Value == "Text");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in answers)
        {
            if (key == "Answers.Phone" && texting && question == SelfReferralQuestions.First)
            {
                fields.Add(new("TextPhone", value));
            }
            else if ((key.StartsWith("Answers.", StringComparison.Ordinal) && question.Fields.Contains(key["Answers.".Length..]))
                || (key == "Website" && question == SelfReferralQuestions.First))
            {
                fields.Add(new(key, value));
            }
        }
        return fields;
    }

    /// <summary>Answers every question page and returns the check page (fails if an answer was refused).</summary>
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
        client.SubmitAsync(checkPage, "form[action='/refer/check']", extra, SendButton);

    /// <summary>Follows a send's redirect and reads the reference the person is shown.</summary>
    public static async Task<string> ReferenceShownAfterAsync(this HttpClient client, HttpResponseMessage sent)
    {
        sent.IsRedirect().ShouldBeTrue();
        var confirmation = await client.GetDocumentAsync(sent.Headers.Location!.ToString());
        var reference = confirmation.Text(".hub-reference");
        reference.ShouldMatch("^[A-Z0-9]{4}-[A-Z0-9]{4}$", $"the confirmation at {sent.Headers.Location} shows a reference (it shows: {confirmation.Text("h1")})");
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
