using System.Reflection;

namespace Hub.UnitTests.Architecture;

/// <summary>Dependencies point inward: Domain knows nothing else; Application knows no web or infrastructure.</summary>
public sealed class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(Hub.Domain.Referrals.Referral).Assembly;
    private static readonly Assembly Application = typeof(Hub.Application.DependencyInjection).Assembly;

    private static IEnumerable<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void Should_keep_the_domain_free_of_every_framework_and_outer_layer()
    {
        References(Domain).ShouldAllBe(name => name.StartsWith("System") || name == "netstandard" || name == "Microsoft.Win32.Primitives");
    }

    [Fact]
    public void Should_keep_the_application_free_of_infrastructure_web_and_database_providers()
    {
        var references = References(Application).ToList();

        references.ShouldNotContain("Hub.Infrastructure");
        references.ShouldNotContain("Hub.Web");
        references.ShouldNotContain(n => n.StartsWith("Microsoft.AspNetCore"));
        references.ShouldNotContain(n => n.StartsWith("Npgsql") || n.Contains("Sqlite") || n.Contains("SqlServer") || n.Contains("SqlClient"));
    }

    [Fact]
    public void Should_give_every_type_in_domain_and_application_a_namespace_matching_its_layer()
    {
        Domain.GetTypes().Where(t => t.Namespace is not null && !t.Namespace.StartsWith("System") && !t.Namespace.StartsWith("Microsoft"))
            .ShouldAllBe(t => t.Namespace!.StartsWith("Hub.Domain"));
        Application.GetTypes().Where(t => t.Namespace is not null && !t.Namespace.StartsWith("System") && !t.Namespace.StartsWith("Microsoft"))
            .ShouldAllBe(t => t.Namespace!.StartsWith("Hub.Application"));
    }
}
