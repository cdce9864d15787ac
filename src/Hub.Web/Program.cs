using Hub.Application;
using Hub.Application.Audit.VerifyAuditChain;
using Hub.Infrastructure;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Hub.Web;
using Hub.Web.Api;
using Hub.Web.Benchmark;
using Hub.Web.Commands;
using Hub.Web.Operations;
using Hub.Web.Security;
using MediatR;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
// The audit key is a secret from outside the database (docs/decisions/032); the built-in development key protects nothing.
if (builder.Environment.IsProduction() && !AuditKeys.IsConfigured(builder.Configuration) && !builder.Configuration.GetValue<bool>("Hub:DemoMode"))
{
    throw new InvalidOperationException($"Set {AuditKeys.Setting} (base64, at least 32 bytes, e.g. the environment variable Hub__Audit__Key) from a secret store: " +
        "the audit trail's MACs are keyed with it. Keep it out of the database and its backups.");
}
// The key ring behind every cookie is in the database; production encrypts it to a certificate kept elsewhere (docs/decisions/045).
if (builder.Environment.IsProduction() && !Hub.Infrastructure.DataProtection.KeyProtection.IsConfigured(builder.Configuration) && !builder.Configuration.GetValue<bool>("Hub:DemoMode"))
{
    throw new InvalidOperationException(Hub.Infrastructure.DataProtection.KeyProtection.MissingMessage);
}
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddWeb(builder.Configuration);

var app = builder.Build();

// Commands for operators: `dotnet run --project src/Hub.Web -- migrate`, `-- verify-audit`, `-- seed` and `-- invite-admin`.
// The command comes first, so host options after it or without it (`--urls http://…`) are never taken for one.
var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
if (command is not null)
{
    return await HostCommands.Run(app, command, args);
}

await HostCommands.PrepareDatabase(app);
if (!Hub.Infrastructure.DataProtection.KeyProtection.IsConfigured(app.Configuration))
{
    // ASP.NET Core's own "No XML encryptor configured" warning follows when a key is made; this says why, and what production needs.
    app.Logger.LogWarning("Data protection keys are stored unencrypted in the database because {Setting} is not set: acceptable for development and the demo only. " +
        "Production refuses to start without it (docs/decisions/045).", Hub.Infrastructure.DataProtection.KeyProtection.CertificatePathSetting);
}

app.UseHubForwardedHeaders(); // first: the scheme and client address everything after relies on
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=604800",
});
app.UseRouting();
app.UseCors(); // only the Open Referral UK API has a policy: other finders may read it from a browser (ADR 037)
app.UseRateLimiter();
app.UseAuthentication();
app.UseStaffMfa();
app.UseNotFoundForUnknownAddresses(); // after authentication, which answers the sign-on callbacks itself; a mistyped address is "Page not found", not the staff sign-in
app.UseAuthorization();
app.MapRazorPages();
app.MapJobsDashboard(); // administrators only (ADR 021)
app.MapOpenReferralUkApi(); // the published directory as Open Referral UK 3.0, read-only (ADR 037)
app.MapHubHealth(); // /health/live and /health/ready, for the load balancer (ADR 026)
Hub.Web.Messaging.NotifyCallbacks.MapNotifyCallbacks(app); // GOV.UK Notify delivery receipts, bearer token only (ADR 030)
app.MapBareInsertEndpoint(); // the throughput benchmark's yardstick: off unless asked for (see its summary)

app.Lifetime.ApplicationStarted.Register(() =>
{
    var demo = app.Services.GetRequiredService<IOptions<HubOptions>>().Value.DemoMode;
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"Living Well Hub is running at {url}{(demo ? " (demo mode: demo accounts are listed in README.md)" : string.Empty)}");
    }
});

await app.RunAsync();
return 0;

/// <summary>Start-up steps and operator commands, kept out of the pipeline above.</summary>
internal static class HostCommands
{
    public static async Task<int> Run(WebApplication app, string command, string[] args)
    {
        using var scope = app.Services.CreateScope();
        switch (command)
        {
            case "migrate":
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedRolesAsync();
                Console.WriteLine("Database migrated.");
                return 0;
            case "verify-audit":
                var report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new VerifyAuditChain());
                Console.WriteLine(report.Describe());
                return report.Intact ? 0 : 3;
            case "seed":
                return await SeedCommand.RunAsync(scope.ServiceProvider, args, CancellationToken.None);
            case "invite-admin":
                return await InviteAdminCommand.RunAsync(scope.ServiceProvider, args, CancellationToken.None);
            default:
                Console.Error.WriteLine($"Unknown command '{command}'. Commands: migrate, verify-audit, seed, invite-admin (each with --help for its options).");
                return 2;
        }
    }

    /// <summary>SQLite (the embedded default) is migrated at start; servers are migrated by the migrate command.</summary>
    public static async Task PrepareDatabase(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }
        var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
        if (app.Services.GetRequiredService<IOptions<HubOptions>>().Value.DemoMode)
        {
            await seeder.SeedDemoAsync(CancellationToken.None);
        }
        else
        {
            await seeder.SeedRolesAsync();
        }
    }
}

public partial class Program;
