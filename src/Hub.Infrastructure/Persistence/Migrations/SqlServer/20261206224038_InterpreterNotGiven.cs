using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "bit",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "bit");

            // Data correction (docs/decisions/029). The form used to store an unanswered interpreter
            // question as false, so a stored false is either "No" or never answered: nothing kept
            // tells them apart. A true was always an answer. Every false becomes "not given", so no
            // one is shown an answer they may never have given; staff ask when they talk.
            migrationBuilder.Sql(@"UPDATE [People] SET [Communication_InterpreterNeeded] = NULL WHERE [Communication_InterpreterNeeded] = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to two values: "not given" becomes false, as the old form stored it.
            migrationBuilder.Sql(@"UPDATE [People] SET [Communication_InterpreterNeeded] = 0 WHERE [Communication_InterpreterNeeded] IS NULL;");

            migrationBuilder.AlterColumn<bool>(
                name: "Communication_InterpreterNeeded",
                table: "People",
                type: "bit",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "bit",
                oldNullable: true);
        }
    }
}
