using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenReferralListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Active_IsFree_Name_Id",
                table: "CommunityOffers",
                columns: new[] { "Active", "IsFree", "Name", "Id" },
                descending: new[] { false, true, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Active_IsFree_Name_Id",
                table: "CommunityOffers");
        }
    }
}
