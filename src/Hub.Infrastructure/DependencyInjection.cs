using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Application.Outcomes;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Infrastructure.DataProtection;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Identity;
using Hub.Infrastructure.Jobs;
using Hub.Infrastructure.Outcomes;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Persistence.Providers;
using Hub.Infrastructure.Seeding;
using Hub.Infrastructure.Seeding.Bulk;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// A failed command or save is logged by EF as a warning, not an error. The hub expects some and
    /// handles them: a form sent twice is stopped by its token's unique index and answers the stored
    /// reference, a transient fault is tried again. One that is not handled still reaches the log at
    /// Error, with its exception, from the request's exception handler or the job that ran it.
    /// </summary>
    private static void HandledFailuresAsWarnings(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, Microsoft.Extensions.Logging.LogLevel.Warning),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, Microsoft.Extensions.Logging.LogLevel.Warning));

    /// <summary>Stateless, so one serves every context (docs/decisions/051).</summary>
    private static readonly PreparedStatements PreparedStatementsInterceptor = new();

    /// <summary>
    /// Registers the database for the configured provider (<c>Database:Provider</c>, connection
    /// string <c>ConnectionStrings:Hub</c>; servers retry transient faults, see <see cref="TransientFaults"/>), Identity's stores, shared data protection keys
    /// (encrypted to <see cref="KeyProtection"/>'s certificate when configured) and
    /// the demo and bulk seeders.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Hub")
            ?? (provider == DatabaseProvider.Sqlite ? "Data Source=App_Data/hub.db" : throw new InvalidOperationException(
                "Set ConnectionStrings:Hub (for example the environment variable ConnectionStrings__Hub) to use " + provider + "."));

        // Pooled (docs/decisions/036): the options are built once, not on every request, and contexts
        // are reused; HubDbContext keeps no per-request state across a return to the pool.
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString = AnchorSqlitePath(connectionString, contentRoot);
                services.AddDbContextPool<SqliteHubDbContext>(o => o.UseSqlite(connectionString).ConfigureWarnings(HandledFailuresAsWarnings));
                services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<SqliteHubDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<PostgresHubDbContext>(o => o.UseNpgsql(connectionString,
                    n => n.EnableRetryOnFailure(TransientFaults.MaxRetries, TransientFaults.MaxDelay, errorCodesToAdd: null))
                    .AddInterceptors(PreparedStatementsInterceptor).ConfigureWarnings(HandledFailuresAsWarnings));
                services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<PostgresHubDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<SqlServerHubDbContext>(o => o.UseSqlServer(connectionString,
                    s => s.EnableRetryOnFailure(TransientFaults.MaxRetries, TransientFaults.MaxDelay, errorNumbersToAdd: null))
                    .ConfigureWarnings(HandledFailuresAsWarnings));
                services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<SqlServerHubDbContext>());
                break;
        }

        services.AddSingleton(new DatabaseSettings(provider));
        services.AddSingleton(AuditKeys.From(configuration));
        // The send's rows bypass EF's update pipeline on PostgreSQL unless turned off (docs/decisions/047).
        services.AddSingleton(new DirectInsertSettings(!string.Equals(configuration["Database:DirectInserts"], "false", StringComparison.OrdinalIgnoreCase)));
        services.AddScoped<AuditSealer>();
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<HubDbContext>());
        services.AddScoped<Hub.Application.Connect.IDirectoryChoices, DirectoryChoices>();
        services.AddSingleton<DirectoryTotalsMemory>();
        services.AddScoped<Hub.Application.Connect.IDirectoryTotals, DirectoryTotals>();
        services.AddScoped<Hub.Application.Referrals.IPossibleMatchSearch, PossibleMatchSearch>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<Application.Volunteering.Coordination.IVolunteerAccounts, VolunteerAccounts>();
        services.AddScoped<Application.Directory.InviteStaffMember.IStaffAccounts, StaffAccounts>();
        var measuresFolder = configuration["Hub:MeasureDefinitionsPath"];
        services.AddSingleton<IMeasureRegistry>(_ => MeasureRegistry.FromFolder(
            string.IsNullOrWhiteSpace(measuresFolder) ? null : Path.GetFullPath(measuresFolder, contentRoot)));
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<BulkSeeder>();
        services.AddSingleton(TimeProvider.System);

        services.Configure<SmtpSettings>(configuration.GetSection("Hub:Smtp"));
        services.AddSingleton(BankHolidaySettings.Read(configuration));
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        var publicBaseUrl = configuration["Hub:PublicBaseUrl"] ?? "http://localhost:5080";
        services.AddSingleton(new TriageNotificationSettings(configuration["Hub:Notifications:TriageInbox"], publicBaseUrl));
        services.AddSingleton(new HubAddress(publicBaseUrl));
        services.AddSingleton(new Hub.Application.Connect.HomeArea(Hub.Domain.Common.TextRules.Clean(configuration["Hub:Area"]) ?? Hub.Application.Connect.HomeArea.Default));
        services.AddSingleton(new ReferenceConfirmationSettings(configuration["Hub:Name"] is { Length: > 0 } hubName ? hubName : "Living Well Hub", configuration["Hub:HubPhone"]));
        services.AddSingleton<ISmtpSender, SmtpSender>();
        services.Configure<NotifySettings>(configuration.GetSection("Hub:Notify"));
        services.Configure<OutboxSettings>(configuration.GetSection("Hub:Outbox"));
        services.AddSingleton<INotifySender, NotifySender>();
        services.AddSingleton<IPdfRenderer>(sp => new Pdf.ChromiumPdfRenderer(configuration["Hub:Chromium:Path"] ?? "/usr/bin/chromium",
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Pdf.ChromiumPdfRenderer>>()));
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<DeliveryReceipts>();
        services.AddSingleton(new Application.Reports.GenerateReports.ReportSchedule
        {
            Monthly = configuration.GetSection("Hub:Reports:Monthly").Get<string[]>() is { Length: > 0 } scopes ? scopes : ["hub"],
        });
        services.AddSingleton((configuration.GetSection("Hub:Retention").Get<Application.PersonalData.RetentionSettings>() ?? new()).Checked());
        services.AddHubJobs(configuration, provider, connectionString);

        services.AddSingleton<DatabaseXmlRepository>();
        var dataProtection = services.AddDataProtection().SetApplicationName("LivingWellHub");
        // Keys are encrypted at rest to a certificate from outside the database when one is given (required in production, ADR 045).
        if (KeyProtection.Certificate(configuration, contentRoot) is { } keyCertificate)
        {
            dataProtection.ProtectKeysWithCertificate(keyCertificate).UnprotectKeysWithAnyCertificate(keyCertificate);
        }
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));
        return services;
    }

    /// <summary>
    /// Identity for staff, stored in the hub database. Cookie and MFA policy are set by the web host. User
    /// names are email addresses, already checked by the forms' email rule: Identity's default character
    /// list would refuse addresses people have (an apostrophe, an ampersand) as a fault.
    /// </summary>
    public static IdentityBuilder AddHubIdentityStores(this IdentityBuilder builder)
    {
        builder.Services.Configure<IdentityOptions>(o => o.User.AllowedUserNameCharacters = string.Empty);
        return builder.AddEntityFrameworkStores<HubDbContext>();
    }

    /// <summary>A relative SQLite file lives under the app's content root, whatever folder the hub was started from.</summary>
    private static string AnchorSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not (":memory:" or "") && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider);
