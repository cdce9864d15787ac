using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunningClocksIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReferralSpells_StartedAt",
                table: "ReferralSpells");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralSpells_Running",
                table: "ReferralSpells",
                columns: new[] { "StartedAt", "Id" },
                filter: "\"EndedAt\" IS NULL AND \"ClockStoppedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReferralSpells_Running",
                table: "ReferralSpells");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralSpells_StartedAt",
                table: "ReferralSpells",
                column: "StartedAt");
        }
    }
}
