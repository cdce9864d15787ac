using Hub.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The data correction of InterpreterNotGiven for SQLite, in a migration of its own so that it runs after the
    /// table rebuild that made the column nullable (docs/decisions/029). The form used to store an unanswered
    /// interpreter question as false, so a stored false is either "No" or never answered: nothing kept tells them
    /// apart. A true was always an answer. Every false becomes "not given"; staff ask when they talk.
    /// </summary>
    [DbContext(typeof(SqliteHubDbContext))]
    [Migration("20261206223737_InterpreterNotGivenData")]
    public partial class InterpreterNotGivenData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(@"UPDATE ""People"" SET ""Communication_InterpreterNeeded"" = NULL WHERE ""Communication_InterpreterNeeded"" = 0;");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(@"UPDATE ""People"" SET ""Communication_InterpreterNeeded"" = 0 WHERE ""Communication_InterpreterNeeded"" IS NULL;");
    }
}
