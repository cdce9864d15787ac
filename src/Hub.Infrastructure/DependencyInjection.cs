using Hub.Application.Common.Interfaces;
using Hub.Infrastructure.DataProtection;
using Hub.Infrastructure.Identity;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Persistence.Providers;
using Hub.Infrastructure.Seeding;
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
    /// Registers the database for the configured provider (<c>Database:Provider</c>, connection
    /// string <c>ConnectionStrings:Hub</c>), Identity's stores, shared data protection keys and
    /// the demo seeder.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Hub")
            ?? (provider == DatabaseProvider.Sqlite ? "Data Source=App_Data/hub.db" : throw new InvalidOperationException(
                "Set ConnectionStrings:Hub (for example the environment variable ConnectionStrings__Hub) to use " + provider + "."));

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                services.AddDbContext<SqliteHubDbContext>(o => o.UseSqlite(connectionString));
                services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<SqliteHubDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresHubDbContext>(o => o.UseNpgsql(connectionString));
                services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<PostgresHubDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerHubDbContext>(o => o.UseSqlServer(connectionString));
                services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<SqlServerHubDbContext>());
                break;
        }

        services.AddSingleton(new DatabaseSettings(provider));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<HubDbContext>());
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<DatabaseXmlRepository>();
        services.AddDataProtection().SetApplicationName("LivingWellHub");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));
        return services;
    }

    /// <summary>Identity for staff, stored in the hub database. Cookie and MFA policy are set by the web host.</summary>
    public static IdentityBuilder AddHubIdentityStores(this IdentityBuilder builder) =>
        builder.AddEntityFrameworkStores<HubDbContext>();

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider);
