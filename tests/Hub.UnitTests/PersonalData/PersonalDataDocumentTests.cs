using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Application.PersonalData.ExportPersonalData;
using Hub.Web.Design;
using Hub.Web.Design.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.UnitTests.PersonalData;

/// <summary>The subject access export as the person reads it (HTML) and as another system reads it (JSON).</summary>
public sealed class PersonalDataDocumentTests
{
    private static readonly Guid Worker = Guid.Parse("5d6c0a7e-0000-4000-8000-000000000001");

    private static PersonalDataExport Export() => new(Guid.NewGuid(), "AB12-CD34", new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero),
    [
        new ExportSection("sharedNotes", "Shared notes", "Notes shared with you.",
        [
            new JsonObject
            {
                ["text"] = "<script>alert('x')</script> See you Tuesday",
                ["byUserId"] = Worker.ToString(),
                ["at"] = "2026-06-30T16:05:00+00:00",
                ["shared"] = true,
                ["tags"] = new JsonArray("first", "second"),
                ["contact"] = new JsonObject { ["phone"] = null },
            },
        ]),
        new ExportSection("handoffs", "Handoffs", "When your support moved.", []),
    ], new Dictionary<Guid, string> { [Worker] = "Sam Worker" });

    /// <summary>The document is a Razor view, rendered the way the export page and background jobs render it.</summary>
    private static Task<string> Html(PersonalDataExport export, string hubName)
    {
        var services = new ServiceCollection().AddLogging().AddDocuments().BuildServiceProvider();
        return services.GetRequiredService<PersonalDataDocument>().HtmlAsync(export, hubName);
    }

    [Fact]
    public async Task Should_show_each_section_with_its_records_encoded_staff_by_name_and_times_in_uk_time()
    {
        var html = await Html(Export(), "Living Well Hub");

        html.ShouldContain("<h1>Everything Living Well Hub holds about you</h1>");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; See you Tuesday");
        html.ShouldNotContain("<script");
        html.ShouldContain("<dt>By user id</dt><dd><span class=\"words\">Sam Worker</span>");
        html.ShouldNotContain(Worker.ToString());
        html.ShouldContain("30 Jun 2026, 17:05", Case.Sensitive, "British Summer Time");
        html.ShouldContain("<dt>Shared</dt><dd><span class=\"words\">Yes</span>");
        html.ShouldContain("<li><span class=\"words\">second</span></li>");
        html.ShouldContain("<dt>Phone</dt><dd><span class=\"none\">Not recorded</span>");
        html.ShouldContain("<a href=\"#handoffs\">Handoffs</a> (0)");
        html.ShouldContain("<p class=\"none\">Nothing held.</p>");
    }

    [Fact]
    public void Should_hold_every_section_as_stored_with_the_staff_names_beside_them_in_json()
    {
        using var json = JsonDocument.Parse(PersonalDataDocument.Json(Export(), "Living Well Hub"));
        var root = json.RootElement;

        root.GetProperty("reference").GetString().ShouldBe("AB12-CD34");
        root.GetProperty("staff").GetProperty(Worker.ToString()).GetString().ShouldBe("Sam Worker");
        root.GetProperty("sharedNotes")[0].GetProperty("text").GetString().ShouldBe("<script>alert('x')</script> See you Tuesday");
        root.GetProperty("sharedNotes")[0].GetProperty("byUserId").GetString().ShouldBe(Worker.ToString());
        root.GetProperty("handoffs").GetArrayLength().ShouldBe(0);
    }
}
