using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.TestSupport;

namespace Hub.WebTests.SupportPlans;

/// <summary>
/// The page where a person types the printed code: a code that does not work is refused with the
/// NHS error pattern, and what was typed is never written back into the page (it is a secret, and
/// a wrong one helps nobody who reads the screen over a shoulder).
/// </summary>
public sealed class PrintedCodePageTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_refuse_a_code_that_does_not_work_without_writing_the_typed_code_back_into_the_page()
    {
        const string typed = "WXYZ-2345-QRST-6789-MNPK-4567-HJKL-8923";
        var client = Factory.NewClient();
        var page = await client.GetDocumentAsync("/my/code");

        var response = await client.SubmitAsync(page, "form[action='/my/code']", new Dictionary<string, string> { ["Code"] = typed });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var refused = await response.ReadDocumentAsync();
        refused.Title!.ShouldStartWith("Error: ");
        refused.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")).ShouldBe(["#Code"]);
        refused.QuerySelector<IHtmlInputElement>("#Code").ShouldNotBeNull().Value.ShouldBeEmpty("the box is empty for the next try");
        foreach (var echo in new[] { typed, typed.Replace("-", "", StringComparison.Ordinal), "WXYZ-2345", "HJKL-8923" })
        {
            html.ShouldNotContain(echo, Case.Insensitive, "the typed code, or any part of it, is not written back");
        }
    }

    public void Dispose() => _factory?.Dispose();
}
