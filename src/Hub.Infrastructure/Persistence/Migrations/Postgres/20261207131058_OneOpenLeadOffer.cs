using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneOpenLeadOffer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: before this index, two people offering the lead at the same moment could
            // both succeed. Keep the earliest open lead offer of each spell and withdraw the others
            // (dated when they were made, by nobody) so the index can be built. Quoted for all three providers.
            migrationBuilder.Sql("""
                UPDATE "Handoffs" SET "Status" = 4, "DecidedAt" = "CreatedAt", "ResolvedAt" = "CreatedAt"
                WHERE "Status" = 1 AND "Role" = 1 AND EXISTS (
                    SELECT 1 FROM "Handoffs" AS "Earlier"
                    WHERE "Earlier"."SpellId" = "Handoffs"."SpellId" AND "Earlier"."Status" = 1 AND "Earlier"."Role" = 1
                      AND ("Earlier"."CreatedAt" < "Handoffs"."CreatedAt"
                           OR ("Earlier"."CreatedAt" = "Handoffs"."CreatedAt" AND "Earlier"."Id" < "Handoffs"."Id")))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_OneOpenLead",
                table: "Handoffs",
                column: "SpellId",
                unique: true,
                filter: "\"Status\" = 1 AND \"Role\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Handoffs_OneOpenLead",
                table: "Handoffs");
        }
    }
}
