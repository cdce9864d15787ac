using Hub.Infrastructure.Persistence.Providers;
using Npgsql;

namespace Hub.UnitTests.Persistence;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Should_prepare_repeated_statements_when_the_operator_said_nothing_about_it()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=hub;Username=hub"));

        tuned.MaxAutoPrepare.ShouldBe(PostgresConnectionDefaults.MaxAutoPrepare);
        tuned.Host.ShouldBe("db");
        tuned.Database.ShouldBe("hub");
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=20", 20)]
    [InlineData("Host=db; max auto prepare = 5", 5)]
    public void Should_keep_what_the_operator_wrote(string connectionString, int expected) =>
        new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)).MaxAutoPrepare.ShouldBe(expected);
}
