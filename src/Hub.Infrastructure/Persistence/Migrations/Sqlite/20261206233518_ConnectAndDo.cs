using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConnectAndDo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Access",
                table: "CommunityOffers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Area",
                table: "CommunityOffers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "BringSomeoneFirstTime",
                table: "CommunityOffers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "HowToJoin",
                table: "CommunityOffers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Interests",
                table: "CommunityOffers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WeekSlots",
                table: "CommunityOffers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WhoFor",
                table: "CommunityOffers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GroupProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    OrganiserEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    FormToken = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupProposals_CommunityOffers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "CommunityOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ListingLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganiserEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListingLinks_CommunityOffers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "CommunityOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Area_Active_IsFree_Name",
                table: "CommunityOffers",
                columns: new[] { "Area", "Active", "IsFree", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupProposals_FormToken",
                table: "GroupProposals",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupProposals_OfferId",
                table: "GroupProposals",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupProposals_Status_SubmittedAt",
                table: "GroupProposals",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ListingLinks_OfferId",
                table: "ListingLinks",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_ListingLinks_TokenHash",
                table: "ListingLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GroupProposals");

            migrationBuilder.DropTable(
                name: "ListingLinks");

            migrationBuilder.DropIndex(
                name: "IX_CommunityOffers_Area_Active_IsFree_Name",
                table: "CommunityOffers");

            migrationBuilder.DropColumn(
                name: "Access",
                table: "CommunityOffers");

            migrationBuilder.DropColumn(
                name: "Area",
                table: "CommunityOffers");

            migrationBuilder.DropColumn(
                name: "BringSomeoneFirstTime",
                table: "CommunityOffers");

            migrationBuilder.DropColumn(
                name: "HowToJoin",
                table: "CommunityOffers");

            migrationBuilder.DropColumn(
                name: "Interests",
                table: "CommunityOffers");

            migrationBuilder.DropColumn(
                name: "WeekSlots",
                table: "CommunityOffers");

            migrationBuilder.DropColumn(
                name: "WhoFor",
                table: "CommunityOffers");
        }
    }
}
