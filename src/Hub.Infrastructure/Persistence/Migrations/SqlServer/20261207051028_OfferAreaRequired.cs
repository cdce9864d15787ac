using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OfferAreaRequired : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Active_IsFree_Name_Id",
                table: "CommunityOffers");

            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Area_Active_IsFree_Name",
                table: "CommunityOffers");

            // Data step, written by hand (docs/decisions/043): every offer has an area from now on. The
            // hub's `migrate` command (DatabaseMigrator) has already placed offers without one in the hub's
            // own area (Hub:Area, which a migration cannot know) before this runs; a database migrated any
            // other way gets the default name of a hub's area here instead, so the column can be required.
            migrationBuilder.Sql("UPDATE [CommunityOffers] SET [Area] = N'The borough' WHERE [Area] IS NULL;");

            migrationBuilder.AlterColumn<string>(
                name: "Area",
                table: "CommunityOffers",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Listed_Area_IsFree_Name_Id",
                table: "CommunityOffers",
                columns: new[] { "Area", "IsFree", "Name", "Id" },
                descending: new[] { false, true, false, false },
                filter: "[Active] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Listed_Area_Neighbourhood",
                table: "CommunityOffers",
                columns: new[] { "Area", "Neighbourhood" },
                filter: "[Active] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Listed_IsFree_Name_Id",
                table: "CommunityOffers",
                columns: new[] { "IsFree", "Name", "Id" },
                descending: new[] { true, false, false },
                filter: "[Active] = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Listed_Area_IsFree_Name_Id",
                table: "CommunityOffers");

            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Listed_Area_Neighbourhood",
                table: "CommunityOffers");

            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Listed_IsFree_Name_Id",
                table: "CommunityOffers");

            migrationBuilder.AlterColumn<string>(
                name: "Area",
                table: "CommunityOffers",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Active_IsFree_Name_Id",
                table: "CommunityOffers",
                columns: new[] { "Active", "IsFree", "Name", "Id" },
                descending: new[] { false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Area_Active_IsFree_Name",
                table: "CommunityOffers",
                columns: new[] { "Area", "Active", "IsFree", "Name" });
        }
    }
}
