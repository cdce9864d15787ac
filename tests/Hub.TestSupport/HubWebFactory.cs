using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.TestSupport;

/// <summary>
/// The real hub on a real PostgreSQL database of its own. Settings can be overridden per test
/// class (demo mode, rate limits); <see cref="Services"/> can be replaced (for example a fixed clock).
/// </summary>
public class HubWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Database:Provider"] = "Postgres",
        ["Hub:DemoMode"] = "true",
        ["Hub:RateLimits:PublicForm:Permits"] = "100000",
        ["Hub:RateLimits:StaffSignIn:Permits"] = "100000",
        ["Hub:RateLimits:PlanLink:Permits"] = "100000",
        ["Hub:RateLimits:PublicDirectory:Permits"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
        // The scheduler is exercised by its own tests; other tests send nothing in the background.
        ["Hub:Jobs:Enabled"] = "false",
    };

    public HubWebFactory(string connectionString)
    {
        _settings["ConnectionStrings:Hub"] = connectionString;
    }

    public HubWebFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        if (ConfigureTestServices is { } configure)
        {
            builder.ConfigureTestServices(configure); // after the hub's own registrations, so it can replace them
        }
    }
}
