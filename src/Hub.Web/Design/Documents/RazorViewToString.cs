using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Web.Design.Documents;

/// <summary>
/// Renders a Razor view (a document to print or download) to a string, outside any request: from a
/// page, from a background job or from a test. The view sees an empty request of its own.
/// </summary>
public interface IRazorViewToString
{
    /// <param name="viewPath">The view's path from the project root, such as <c>/Design/Documents/Plan.cshtml</c>.</param>
    Task<string> RenderAsync<TModel>(string viewPath, TModel model);
}

internal sealed class RazorViewToString(IRazorViewEngine engine, IServiceScopeFactory scopes) : IRazorViewToString
{
    public async Task<string> RenderAsync<TModel>(string viewPath, TModel model)
    {
        var result = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!result.Success)
        {
            throw new InvalidOperationException($"No view at {viewPath}: looked in {string.Join(", ", result.SearchedLocations)}.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        await using var writer = new StringWriter();
        var context = new ViewContext(action, result.View, viewData, new TempDataDictionary(http, NoTempData.Instance), writer, new HtmlHelperOptions());
        await result.View.RenderAsync(context);
        return writer.ToString();
    }

    /// <summary>A document has no next request to hand anything on to.</summary>
    private sealed class NoTempData : ITempDataProvider
    {
        public static readonly NoTempData Instance = new();
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();
        public void SaveTempData(HttpContext context, IDictionary<string, object> values) { }
    }
}

public static class DocumentServices
{
    /// <summary>
    /// The printable documents (plan, commissioner report, subject access export) and the Razor view
    /// engine they are rendered with. The web host already has the engine; a host without one (the
    /// test hosts, a worker) gets just enough of it to find this assembly's compiled views.
    /// </summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        var mvc = services.AddMvcCore().AddViews().AddRazorViewEngine();
        var assembly = typeof(DocumentServices).Assembly;
        if (!mvc.PartManager.ApplicationParts.Any(p => p.Name == assembly.GetName().Name))
        {
            mvc.AddApplicationPart(assembly);
        }
        services.TryAddSingleton(_ => new DiagnosticListener("Microsoft.AspNetCore"));
        services.TryAddSingleton<DiagnosticSource>(sp => sp.GetRequiredService<DiagnosticListener>());
        services.TryAddSingleton<IRazorViewToString, RazorViewToString>();
        services.TryAddSingleton<Application.Common.Interfaces.IReportDocument, ReportDocument>();
        services.TryAddSingleton<PlanDocument>();
        services.TryAddSingleton<PersonalDataDocument>();
        return services;
    }
}
