using Hub.Application;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Infrastructure;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.TestSupport;

/// <summary>
/// The application and infrastructure layers wired as in production, on a real PostgreSQL
/// database, without the web host: tests send requests as a chosen user at a chosen time.
/// </summary>
public sealed class ApplicationHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public ApplicationHost(string connectionString, TestClock? clock = null, IInterceptor[]? interceptors = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Clock = clock ?? new TestClock();
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Hub"] = connectionString,
            ["Hub:Jobs:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value; // a test may choose another provider (Database:Provider)
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddApplication();
        services.AddInfrastructure(configuration, AppContext.BaseDirectory);
        if (interceptors is { Length: > 0 })
        {
            services.ConfigureDbContext<PostgresHubDbContext>(o => o.AddInterceptors(interceptors));
        }
        services.AddSingleton<TimeProvider>(Clock);
        services.AddScoped<TestUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestUser>());
        services.AddScoped<TestPerson>();
        services.AddScoped<ICurrentPerson>(sp => sp.GetRequiredService<TestPerson>());
        services.AddScoped<TestSpaceMember>();
        services.AddScoped<Hub.Application.Space.ICurrentSpaceMember>(sp => sp.GetRequiredService<TestSpaceMember>());
        services.AddIdentityCore<Hub.Infrastructure.Identity.StaffUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>().AddHubIdentityStores();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public TestClock Clock { get; }

    public static readonly Guid PractitionerId = Guid.Parse("0b8f5a4e-3d1c-4c55-9a31-5a1f6e7d2c01");
    public static readonly Guid OtherPractitionerId = Guid.Parse("0b8f5a4e-3d1c-4c55-9a31-5a1f6e7d2c02");

    /// <summary>Sends a request as a member of the public (no account), as the front door does.</summary>
    public Task<T> SendAsPublic<T>(IRequest<T> request) => Send(request, null, Roles.Public);

    public Task<T> SendAsPractitioner<T>(IRequest<T> request, Guid? userId = null) => Send(request, userId ?? PractitionerId, Roles.Practitioner);

    /// <summary>Sends a request as a person signed in to their own plan from a link (no staff account).</summary>
    public async Task<T> SendAsPerson<T>(IRequest<T> request, Guid personId, Guid? sessionId = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<TestUser>();
        user.UserId = null;
        user.Role = Roles.Person;
        var person = scope.ServiceProvider.GetRequiredService<TestPerson>();
        person.PersonId = personId;
        person.SessionId = sessionId;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Sends a request as someone signed in to their community space (no staff account, no plan).</summary>
    public async Task<T> SendAsSpaceMember<T>(IRequest<T> request, Guid memberId, Guid? sessionId = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var space = scope.ServiceProvider.GetRequiredService<TestSpaceMember>();
        space.MemberId = memberId;
        space.SessionId = sessionId;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> Send<T>(IRequest<T> request, Guid? userId, string role)
    {
        await using var scope = _services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<TestUser>();
        user.UserId = userId;
        user.Role = role;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Runs <paramref name="work"/> with a fresh database context, for arranging and checking.</summary>
    public async Task<T> WithDb<T>(Func<HubDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> with a service from a fresh scope.</summary>
    public async Task<T> WithService<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class TestPerson : ICurrentPerson
    {
        public Guid? PersonId { get; set; }
        public Guid? SessionId { get; set; }
    }

    private sealed class TestSpaceMember : Hub.Application.Space.ICurrentSpaceMember
    {
        public Guid? MemberId { get; set; }
        public Guid? SessionId { get; set; }
    }

    private sealed class TestUser : ICurrentUser
    {
        public Guid? UserId { get; set; }
        public string Role { get; set; } = Roles.Public;
        public bool IsInRole(string role) => Role == role;
    }
}
