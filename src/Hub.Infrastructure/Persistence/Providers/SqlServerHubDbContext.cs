using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Infrastructure.Persistence.Providers;

/// <summary>SQL Server: the production target named in the brief (SQL logins; see docs/decisions/005).</summary>
public sealed class SqlServerHubDbContext(DbContextOptions<SqlServerHubDbContext> options) : HubDbContext(options)
{
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqlException { Number: 2601 or 2627 };

    protected override string QuoteIdentifier(string name) => $"[{name}]";

    protected override string IsTrue(string column) => $"{column} = 1";
}

public sealed class SqlServerHubDbContextFactory : IDesignTimeDbContextFactory<SqlServerHubDbContext>
{
    public SqlServerHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerHubDbContext>().UseSqlServer("Server=localhost;Database=DesignTime;Integrated Security=false").Options);
}
