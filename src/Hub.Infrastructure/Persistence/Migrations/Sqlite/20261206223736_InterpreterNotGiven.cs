using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InterpreterNotGiven : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<bool>(
                name: "Communication_InterpreterNeeded",
                table: "People",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "INTEGER");

            // The data correction is the next migration (InterpreterNotGivenData): SQLite rebuilds the table
            // only after every other operation of a migration, so an UPDATE here would meet the old NOT NULL.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to two values: "not given" becomes false, as the old form stored it.
            migrationBuilder.Sql(@"UPDATE ""People"" SET ""Communication_InterpreterNeeded"" = 0 WHERE ""Communication_InterpreterNeeded"" IS NULL;");

            migrationBuilder.AlterColumn<bool>(
                name: "Communication_InterpreterNeeded",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
