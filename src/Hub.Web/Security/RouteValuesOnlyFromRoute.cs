using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Hub.Web.Security;

/// <summary>
/// A value the page's route template names (<c>{id:guid}</c>, <c>{token}</c>) is bound from the route
/// and nowhere else, on every page and handler: the form and query values of that name are hidden from
/// model binding. By default form values come first, so a posted field named <c>id</c> could move a
/// change from the record in the address to another one. One mechanism for the whole hub, so a new
/// page cannot forget it. Runs after the framework's own value providers and wraps each of them.
/// </summary>
internal sealed class RouteValuesOnlyFromRoute : IValueProviderFactory
{
    public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        if (context.ActionContext.HttpContext.GetEndpoint() is not RouteEndpoint { RoutePattern.Parameters.Count: > 0 } endpoint)
        {
            return Task.CompletedTask;
        }
        var names = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < context.ValueProviders.Count; i++)
        {
            if (context.ValueProviders[i] is not RouteValueProvider)
            {
                context.ValueProviders[i] = new WithoutNames(context.ValueProviders[i], names);
            }
        }
        return Task.CompletedTask;
    }

    public static void AddTo(MvcOptions options) => options.ValueProviderFactories.Add(new RouteValuesOnlyFromRoute());

    /// <summary>Another value provider with the route's names taken out; everything else passes through, including [FromForm]/[FromQuery] filtering.</summary>
    private sealed class WithoutNames(IValueProvider inner, HashSet<string> hidden) : IValueProvider, IBindingSourceValueProvider, IEnumerableValueProvider
    {
        public bool ContainsPrefix(string prefix) => !Hides(prefix) && inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key) => Hides(key) ? ValueProviderResult.None : inner.GetValue(key);

        public IValueProvider? Filter(BindingSource bindingSource) =>
            inner is IBindingSourceValueProvider filtering
                ? filtering.Filter(bindingSource) is { } filtered ? new WithoutNames(filtered, hidden) : null
                : this;

        public IDictionary<string, string> GetKeysFromPrefix(string prefix) =>
            inner is IEnumerableValueProvider enumerable
                ? enumerable.GetKeysFromPrefix(prefix).Where(k => !Hides(k.Value)).ToDictionary(k => k.Key, k => k.Value)
                : new Dictionary<string, string>();

        // "id" and "Id" are the route's; "Input.Id" or "ids[0]" are not.
        private bool Hides(string key) => hidden.Contains(key);
    }
}
