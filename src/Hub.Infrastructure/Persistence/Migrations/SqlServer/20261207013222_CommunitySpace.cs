using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CommunitySpace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpaceMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AddressKey = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastSignedInAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConnectedPersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DisconnectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpaceMembers_People_ConnectedPersonId",
                        column: x => x.ConnectedPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpaceSignInLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AddressKey = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ClientKey = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    FormToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FollowGroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TokenHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceSignInLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpaceFollows",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FollowedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceFollows", x => new { x.MemberId, x.GroupId });
                    table.ForeignKey(
                        name: "FK_SpaceFollows_CommunityOffers_GroupId",
                        column: x => x.GroupId,
                        principalTable: "CommunityOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpaceFollows_SpaceMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "SpaceMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpaceGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Words = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpaceGoals_SpaceMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "SpaceMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpaceMoodCheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Mood = table.Column<int>(type: "int", nullable: false),
                    Words = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceMoodCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpaceMoodCheckIns_SpaceMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "SpaceMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpaceSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LinkId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpaceSessions_SpaceMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "SpaceMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpaceSessions_SpaceSignInLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "SpaceSignInLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpaceGoalRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GoalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Rating = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceGoalRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpaceGoalRatings_SpaceGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "SpaceGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpaceGoalRatings_SpaceMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "SpaceMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceFollows_GroupId",
                table: "SpaceFollows",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SpaceGoalRatings_GoalId",
                table: "SpaceGoalRatings",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_SpaceGoalRatings_MemberId_At",
                table: "SpaceGoalRatings",
                columns: new[] { "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceGoals_MemberId_CreatedAt",
                table: "SpaceGoals",
                columns: new[] { "MemberId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceMembers_AddressKey",
                table: "SpaceMembers",
                column: "AddressKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpaceMembers_ConnectedPersonId",
                table: "SpaceMembers",
                column: "ConnectedPersonId",
                unique: true,
                filter: "[ConnectedPersonId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SpaceMoodCheckIns_MemberId_At",
                table: "SpaceMoodCheckIns",
                columns: new[] { "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceSessions_LinkId",
                table: "SpaceSessions",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_SpaceSessions_MemberId_EndedAt",
                table: "SpaceSessions",
                columns: new[] { "MemberId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceSignInLinks_AddressKey_RequestedAt",
                table: "SpaceSignInLinks",
                columns: new[] { "AddressKey", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceSignInLinks_ClientKey_RequestedAt",
                table: "SpaceSignInLinks",
                columns: new[] { "ClientKey", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceSignInLinks_FormToken",
                table: "SpaceSignInLinks",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpaceSignInLinks_TokenHash",
                table: "SpaceSignInLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpaceFollows");

            migrationBuilder.DropTable(
                name: "SpaceGoalRatings");

            migrationBuilder.DropTable(
                name: "SpaceMoodCheckIns");

            migrationBuilder.DropTable(
                name: "SpaceSessions");

            migrationBuilder.DropTable(
                name: "SpaceGoals");

            migrationBuilder.DropTable(
                name: "SpaceSignInLinks");

            migrationBuilder.DropTable(
                name: "SpaceMembers");
        }
    }
}
