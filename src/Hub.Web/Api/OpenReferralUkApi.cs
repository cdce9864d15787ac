using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FluentValidation;
using Hub.Application.Common.Exceptions;
using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Application.Connect.OpenReferralApi;
using Hub.Application.Connect.OpenReferralApi.GetService;
using Hub.Application.Connect.OpenReferralApi.ListServices;
using MediatR;

namespace Hub.Web.Api;

/// <summary>
/// The read endpoints of the Open Referral UK API, version 3.0 (the UK profile of HSDS 3.0), over
/// Connect and Do's published directory only: the API's details, services (a page, filtered; one by
/// id), taxonomies and taxonomy terms. Public and read-only (GET only), limited with the public
/// directory's allowance, cacheable for five minutes, and open to pages on any site (CORS, no
/// credentials) so another finder can read it from a browser (ADR 037). Nothing here reads a
/// person's record.
/// </summary>
internal static class OpenReferralUkApi
{
    public const string PathPrefix = "/api/oruk/v3";
    public const string CorsPolicy = "open-referral-uk";

    /// <summary>The standard's version and where its profile and OpenAPI description are published.</summary>
    public const string Version = "3.0";
    public const string ProfileUrl = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md";
    public const string OpenApiUrl = "https://docs.openreferraluk.org/en/latest/openapi30.json";

    /// <summary>How long a reader (or a cache between) may keep an answer: the directory changes a few times a day.</summary>
    public const string CacheControl = "public, max-age=300";

    private static readonly JsonWriterOptions Options = new()
    {
        // Names in any language stay readable; characters that matter in HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static bool IsApi(PathString path) => path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddOpenReferralUkApi(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods(HttpMethods.Get).WithExposedHeaders("Retry-After")));

    public static void MapOpenReferralUkApi(this WebApplication app)
    {
        var api = app.MapGroup(PathPrefix).AllowAnonymous().RequireCors(CorsPolicy);

        api.MapGet("", () => Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("version", Version);
            w.WriteString("profile", ProfileUrl);
            w.WriteString("openapi_url", OpenApiUrl);
            w.WriteEndObject();
        }));

        api.MapGet("/services", (HttpRequest request, IMediator sender, CancellationToken cancellationToken) => Answer(async () =>
        {
            var query = request.Query;
            var page = await sender.Send(new ListOpenReferralServices(
                One(query, "search"), One(query, "page"), One(query, "per_page"), One(query, "taxonomy_term_id"), One(query, "taxonomy_id"),
                One(query, "day"), One(query, "modified_after"), One(query, "area")), cancellationToken);
            return Json(w => WritePage(w, page.Page, page.PerPage, page.TotalItems, page.Services,
                (writer, offer) => OpenReferralExport.WriteService(writer, offer, OpenReferralShape.ApiListItem)));
        }));

        api.MapGet("/services/{id}", (string id, IMediator sender, CancellationToken cancellationToken) => Answer(async () =>
        {
            var offer = await sender.Send(new GetOpenReferralService(id), cancellationToken);
            return Json(w => OpenReferralExport.WriteService(w, offer, OpenReferralShape.ApiService));
        }));

        api.MapGet("/taxonomies", (HttpRequest request) => Answer(() =>
            Task.FromResult(Paged(request, OpenReferralTaxonomies.All, (w, taxonomy) => WriteTaxonomy(w, taxonomy, withTerms: false)))));

        api.MapGet("/taxonomies/{id}", (string id) => Answer(() =>
            Task.FromResult(OpenReferralTaxonomies.Taxonomy(id.Trim()) is { } taxonomy
                ? Json(w => WriteTaxonomy(w, taxonomy, withTerms: true))
                : throw new NotFoundException("The taxonomy"))));

        api.MapGet("/taxonomy_terms", (HttpRequest request) => Answer(() =>
            Task.FromResult(Paged(request, OpenReferralTaxonomies.Terms.ToList(), WriteTerm))));

        api.MapGet("/taxonomy_terms/{id}", (string id) => Answer(() =>
            Task.FromResult(OpenReferralTaxonomies.Term(id.Trim()) is { } term
                ? Json(w => WriteTerm(w, term))
                : throw new NotFoundException("The taxonomy term"))));
    }

    /// <summary>An answer, or the standard's problem body: 400 naming each parameter that is wrong, 404 for what is not published.</summary>
    private static async Task<IResult> Answer(Func<Task<IResult>> answer)
    {
        try
        {
            return await answer();
        }
        catch (ValidationException e)
        {
            var errors = e.Errors.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
            return Results.ValidationProblem(errors, title: "The query has a value the API cannot use.");
        }
        catch (NotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: e.Message);
        }
    }

    /// <summary>A query value given once; a value given twice is taken as not given at all only if every copy is empty.</summary>
    private static string? One(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.FirstOrDefault(v => !string.IsNullOrEmpty(v)) : null;

    /// <summary>A page of something the hub holds in code (taxonomies and their terms): the same paging as services.</summary>
    private static IResult Paged<T>(HttpRequest request, IReadOnlyList<T> all, Action<Utf8JsonWriter, T> write)
    {
        var problems = new Dictionary<string, string[]>();
        var page = PageNumber(request.Query, "page", 1, ListOpenReferralServicesHandler.MaxPage, problems);
        var perPage = PageNumber(request.Query, "per_page", ListOpenReferralServicesHandler.DefaultPerPage, ListOpenReferralServicesHandler.MaxPerPage, problems);
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems, title: "The query has a value the API cannot use.");
        }
        var items = all.Skip((page - 1) * perPage).Take(perPage).ToList();
        return Json(w => WritePage(w, page, perPage, all.Count, items, write));
    }

    private static int PageNumber(IQueryCollection query, string name, int absent, int max, Dictionary<string, string[]> problems)
    {
        if (One(query, name) is not { } text)
        {
            return absent;
        }
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }
        problems[name] = [$"{name} must be a whole number from 1 to {max:N0}."];
        return absent;
    }

    /// <summary>The standard's page: total_items, total_pages, page_number, size (on this page), first_page, last_page, empty, then contents.</summary>
    private static void WritePage<T>(Utf8JsonWriter w, int page, int perPage, int total, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        var pages = (int)Math.Ceiling(total / (double)perPage);
        w.WriteStartObject();
        w.WriteNumber("total_items", total);
        w.WriteNumber("total_pages", pages);
        w.WriteNumber("page_number", page);
        w.WriteNumber("size", items.Count);
        w.WriteBoolean("first_page", page == 1);
        w.WriteBoolean("last_page", page >= pages);
        w.WriteBoolean("empty", items.Count == 0);
        w.WriteStartArray("contents");
        foreach (var item in items)
        {
            write(w, item);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTaxonomy(Utf8JsonWriter w, PublishedTaxonomy taxonomy, bool withTerms)
    {
        w.WriteStartObject();
        w.WriteString("id", taxonomy.Id);
        w.WriteString("name", taxonomy.Name);
        w.WriteString("description", taxonomy.Description);
        w.WriteString("version", Version);
        if (withTerms)
        {
            w.WriteStartArray("taxonomy_terms");
            foreach (var term in taxonomy.Terms)
            {
                WriteTerm(w, term);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteTerm(Utf8JsonWriter w, PublishedTerm term)
    {
        w.WriteStartObject();
        w.WriteString("id", term.Id);
        w.WriteString("name", term.Name);
        w.WriteString("description", term.Name);
        w.WriteString("taxonomy", term.Vocabulary);
        w.WriteString("taxonomy_id", term.TaxonomyId);
        w.WriteString("term", term.Code);
        w.WriteEndObject();
    }

    private static IResult Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        return new CacheableJson(buffer.WrittenMemory);
    }

    /// <summary>JSON bytes with the API's caching (the hub's pages are never cached; these carry nothing personal).</summary>
    private sealed class CacheableJson(ReadOnlyMemory<byte> body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.CacheControl = CacheControl;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
