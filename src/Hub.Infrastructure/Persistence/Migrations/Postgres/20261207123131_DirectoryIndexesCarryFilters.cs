using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DirectoryIndexesCarryFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Listed_Area_IsFree_Name_Id",
                table: "CommunityOffers");

            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Listed_IsFree_Name_Id",
                table: "CommunityOffers");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Listed_Area_IsFree_Name_Id",
                table: "CommunityOffers",
                columns: new[] { "Area", "IsFree", "Name", "Id" },
                descending: new[] { false, true, false, false },
                filter: "\"Active\"")
                .Annotation("Npgsql:IndexInclude", new[] { "WeekSlots", "Access", "Interests", "PeerLed", "BringSomeoneFirstTime", "Neighbourhood", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Listed_IsFree_Name_Id",
                table: "CommunityOffers",
                columns: new[] { "IsFree", "Name", "Id" },
                descending: new[] { true, false, false },
                filter: "\"Active\"")
                .Annotation("Npgsql:IndexInclude", new[] { "WeekSlots", "Access", "Interests", "PeerLed", "BringSomeoneFirstTime", "Neighbourhood", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Listed_Area_IsFree_Name_Id",
                table: "CommunityOffers");

            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Listed_IsFree_Name_Id",
                table: "CommunityOffers");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Listed_Area_IsFree_Name_Id",
                table: "CommunityOffers",
                columns: new[] { "Area", "IsFree", "Name", "Id" },
                descending: new[] { false, true, false, false },
                filter: "\"Active\"");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Listed_IsFree_Name_Id",
                table: "CommunityOffers",
                columns: new[] { "IsFree", "Name", "Id" },
                descending: new[] { true, false, false },
                filter: "\"Active\"");
        }
    }
}
