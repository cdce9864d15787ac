using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VolunteerSupporters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WhatToTry = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    WhenSuits = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContactKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FormToken = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Closure = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Contact_By = table.Column<int>(type: "INTEGER", nullable: false),
                    Contact_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Contact_MessagesSafe = table.Column<bool>(type: "INTEGER", nullable: false),
                    Contact_Mobile = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportRequests_CommunityOffers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "CommunityOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Volunteers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AboutMe = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FormToken = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ChecksRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ChecksRecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PauseReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    InvitationHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvitationExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Checks_DbsCheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Checks_DbsType = table.Column<int>(type: "INTEGER", nullable: true),
                    Checks_ReferencesReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Checks_ReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Checks_TrainingCompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Volunteers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SafeguardingConcerns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    FormToken = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActedOnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ActedOnBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    WhatWasDone = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingConcerns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafeguardingConcerns_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SafeguardingConcerns_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportMatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Ending = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportMatches_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupportMatches_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Outings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Happened = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonSaid = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonWords = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PersonSaidAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outings_SupportMatches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "SupportMatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Outings_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutingFeedbackLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutingFeedbackLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutingFeedbackLinks_Outings_OutingId",
                        column: x => x.OutingId,
                        principalTable: "Outings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutingFeedbackLinks_OutingId",
                table: "OutingFeedbackLinks",
                column: "OutingId");

            migrationBuilder.CreateIndex(
                name: "IX_OutingFeedbackLinks_TokenHash",
                table: "OutingFeedbackLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outings_MatchId",
                table: "Outings",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Outings_On",
                table: "Outings",
                column: "On");

            migrationBuilder.CreateIndex(
                name: "IX_Outings_RequestId",
                table: "Outings",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Outings_VolunteerId_On",
                table: "Outings",
                columns: new[] { "VolunteerId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingConcerns_ActedOnAt_RaisedAt",
                table: "SafeguardingConcerns",
                columns: new[] { "ActedOnAt", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingConcerns_FormToken",
                table: "SafeguardingConcerns",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingConcerns_RequestId",
                table: "SafeguardingConcerns",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingConcerns_VolunteerId",
                table: "SafeguardingConcerns",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMatches_OneCurrent",
                table: "SupportMatches",
                column: "RequestId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMatches_VolunteerId_EndedAt",
                table: "SupportMatches",
                columns: new[] { "VolunteerId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_ContactKey",
                table: "SupportRequests",
                column: "ContactKey");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_FormToken",
                table: "SupportRequests",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_OfferId",
                table: "SupportRequests",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Status_AskedAt",
                table: "SupportRequests",
                columns: new[] { "Status", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_FormToken",
                table: "Volunteers",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_InvitationHash",
                table: "Volunteers",
                column: "InvitationHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_Status_RegisteredAt",
                table: "Volunteers",
                columns: new[] { "Status", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_UserId",
                table: "Volunteers",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutingFeedbackLinks");

            migrationBuilder.DropTable(
                name: "SafeguardingConcerns");

            migrationBuilder.DropTable(
                name: "Outings");

            migrationBuilder.DropTable(
                name: "SupportMatches");

            migrationBuilder.DropTable(
                name: "SupportRequests");

            migrationBuilder.DropTable(
                name: "Volunteers");
        }
    }
}
