using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Hub.WebTests.Connect;

/// <summary>
/// The Open Referral UK 3.0 schemas (OpenReferralUk30Schema, copied unchanged from the standard) as
/// JsonSchema.Net schemas: each response schema is the one the standard's OpenAPI file gives for
/// that path, with its <c>Page</c>, and every schema it refers to is served from the copies, never
/// fetched. Formats (uuid, uri, email, date-time) are checked, not only noted.
/// </summary>
internal static class OpenReferralUkSchema
{
    /// <summary>Where the OpenAPI file says its schemas live; the copies are registered under these addresses.</summary>
    private const string Published = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Connect", "OpenReferralUk30Schema");

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static readonly Lazy<(BuildOptions Options, JsonObject OpenApi)> Loaded = new(() =>
    {
        // The UK profile declares JSON Schema 2020-12 (its OpenAPI file's jsonSchemaDialect); its schemas carry
        // keywords of their own (name, constraints, core, example), which 2020-12 allows and ignores.
        var options = new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() };
        // Nothing is fetched: a schema that is not one of the copies is a failure, not a download.
        options.SchemaRegistry.Fetch = (uri, _) => throw new InvalidOperationException($"The tests do not fetch schemas; {uri} is not among the copies.");
        foreach (var (file, address) in new[]
        {
            ("taxonomy_term.json", "taxonomy_term.json"),
            ("taxonomy.json", "taxonomy.json"),
            ("service.json", "compiled/service.json"),
            ("service_list.json", "compiled/service_list.json"),
        })
        {
            JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, file)), options, new Uri(Published + address));
        }
        var openApi = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "openapi30.json")))!.AsObject();
        return (options, openApi);
    });

    /// <summary>The standard's version, as its OpenAPI file states it.</summary>
    public static string Version => Loaded.Value.OpenApi["info"]!["version"]!.GetValue<string>();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<JsonSchema>> Responses = new();

    /// <summary>The schema of a path's 200 response in the standard's OpenAPI file, such as "/services" or "/services/{id}".</summary>
    public static JsonSchema ResponseOf(string path) => Responses.GetOrAdd(path, p => new Lazy<JsonSchema>(() => Build(p))).Value;

    private static JsonSchema Build(string path)
    {
        var (options, openApi) = Loaded.Value;
        var schema = openApi["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.DeepClone().AsObject();
        // The page's fields are a component of the OpenAPI file: carry it along as a definition of this schema.
        var text = schema.ToJsonString().Replace("#/components/schemas/Page", "#/$defs/Page", StringComparison.Ordinal);
        var rooted = JsonNode.Parse(text)!.AsObject();
        rooted["$defs"] = new JsonObject { ["Page"] = openApi["components"]!["schemas"]!["Page"]!.DeepClone() };
        return JsonSchema.FromText(rooted.ToJsonString(), options, new Uri($"https://hub.test/oruk-3.0{path.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)}/response.json"));
    }

    /// <summary>Every error the schema finds in the JSON, with where it is; none when it is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, Evaluation);
        if (result.IsValid)
        {
            return [];
        }
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, with no detail")
            .ToList();
    }

    public static void ShouldMatchSchema(this string json, JsonSchema schema, string what)
    {
        var errors = Errors(schema, json);
        errors.ShouldBeEmpty($"{what} breaks the Open Referral UK {Version} schema:\n  {string.Join("\n  ", errors.Take(20))}");
    }
}
