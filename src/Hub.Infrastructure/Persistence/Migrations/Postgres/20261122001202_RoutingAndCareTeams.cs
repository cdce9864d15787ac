using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoutingAndCareTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClosedByUserId",
                table: "ReferralSpells",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureNote",
                table: "ReferralSpells",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosureReason",
                table: "ReferralSpells",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PreviousSpellId",
                table: "ReferralSpells",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "ReferralSpells",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "Neighbourhood",
                table: "People",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Preferences",
                table: "People",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "CarriedFromConversationId",
                table: "Conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DurationMinutes",
                table: "Contacts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Contacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NetworkAttendees",
                table: "Contacts",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StaffAttendees",
                table: "Contacts",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CommunityOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganisationExternalId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LocationExternalId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OrganisationName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    HelpsWith = table.Column<string>(type: "text", nullable: false),
                    Neighbourhood = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LocationName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Address = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Sessions = table.Column<string>(type: "text", nullable: false),
                    ScheduleNote = table.Column<string>(type: "text", nullable: true),
                    IsFree = table.Column<bool>(type: "boolean", nullable: false),
                    CostNote = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PeerLed = table.Column<bool>(type: "boolean", nullable: false),
                    Languages = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityOffers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SpellId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Medium = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<int>(type: "integer", nullable: false),
                    StaffInvitees = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NetworkInvitees = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PlannedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMeetings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkMeetings_ReferralSpells_SpellId",
                        column: x => x.SpellId,
                        principalTable: "ReferralSpells",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Teams_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommunityLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SpellId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AgreedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityLinks_CommunityOffers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "CommunityOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunityLinks_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunityLinks_ReferralSpells_SpellId",
                        column: x => x.SpellId,
                        principalTable: "ReferralSpells",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeamMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Gender = table.Column<int>(type: "integer", nullable: true),
                    HelpsWith = table.Column<string>(type: "text", nullable: false),
                    Skills = table.Column<string>(type: "text", nullable: false),
                    Languages = table.Column<string>(type: "text", nullable: false),
                    Neighbourhoods = table.Column<string>(type: "text", nullable: false),
                    WorkingDays = table.Column<string>(type: "text", nullable: false),
                    WorksEvenings = table.Column<bool>(type: "boolean", nullable: false),
                    CaseloadCapacity = table.Column<int>(type: "integer", nullable: false),
                    Away = table.Column<bool>(type: "boolean", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamMembers_AspNetUsers_Id",
                        column: x => x.Id,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TeamMembers_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareTeamMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SpellId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareTeamMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareTeamMembers_ReferralSpells_SpellId",
                        column: x => x.SpellId,
                        principalTable: "ReferralSpells",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareTeamMembers_TeamMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "TeamMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Handoffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SpellId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handoffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Handoffs_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Handoffs_ReferralSpells_SpellId",
                        column: x => x.SpellId,
                        principalTable: "ReferralSpells",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Handoffs_TeamMembers_ToMemberId",
                        column: x => x.ToMemberId,
                        principalTable: "TeamMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralSpells_PreviousSpellId",
                table: "ReferralSpells",
                column: "PreviousSpellId");

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_Current",
                table: "CareTeamMembers",
                columns: new[] { "SpellId", "MemberId" },
                unique: true,
                filter: "\"LeftAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_MemberId_LeftAt",
                table: "CareTeamMembers",
                columns: new[] { "MemberId", "LeftAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_OneLead",
                table: "CareTeamMembers",
                column: "SpellId",
                unique: true,
                filter: "\"LeftAt\" IS NULL AND \"Role\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_PersonId",
                table: "CareTeamMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityLinks_OfferId",
                table: "CommunityLinks",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityLinks_PersonId",
                table: "CommunityLinks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityLinks_SpellId_OfferId",
                table: "CommunityLinks",
                columns: new[] { "SpellId", "OfferId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_Active_Name",
                table: "CommunityOffers",
                columns: new[] { "Active", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffers_ExternalId",
                table: "CommunityOffers",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_OnePendingPerMember",
                table: "Handoffs",
                columns: new[] { "SpellId", "ToMemberId" },
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_PersonId",
                table: "Handoffs",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_SpellId",
                table: "Handoffs",
                column: "SpellId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_Status_ResolvedAt_CreatedAt",
                table: "Handoffs",
                columns: new[] { "Status", "ResolvedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_ToMemberId_Status",
                table: "Handoffs",
                columns: new[] { "ToMemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMeetings_PersonId",
                table: "NetworkMeetings",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMeetings_SpellId_At",
                table: "NetworkMeetings",
                columns: new[] { "SpellId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_TeamId",
                table: "TeamMembers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_OrganisationId_Name",
                table: "Teams",
                columns: new[] { "OrganisationId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ReferralSpells_ReferralSpells_PreviousSpellId",
                table: "ReferralSpells",
                column: "PreviousSpellId",
                principalTable: "ReferralSpells",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReferralSpells_ReferralSpells_PreviousSpellId",
                table: "ReferralSpells");

            migrationBuilder.DropTable(
                name: "CareTeamMembers");

            migrationBuilder.DropTable(
                name: "CommunityLinks");

            migrationBuilder.DropTable(
                name: "Handoffs");

            migrationBuilder.DropTable(
                name: "NetworkMeetings");

            migrationBuilder.DropTable(
                name: "CommunityOffers");

            migrationBuilder.DropTable(
                name: "TeamMembers");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropIndex(
                name: "IX_ReferralSpells_PreviousSpellId",
                table: "ReferralSpells");

            migrationBuilder.DropColumn(
                name: "ClosedByUserId",
                table: "ReferralSpells");

            migrationBuilder.DropColumn(
                name: "ClosureNote",
                table: "ReferralSpells");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "ReferralSpells");

            migrationBuilder.DropColumn(
                name: "PreviousSpellId",
                table: "ReferralSpells");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ReferralSpells");

            migrationBuilder.DropColumn(
                name: "Neighbourhood",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Preferences",
                table: "People");

            migrationBuilder.DropColumn(
                name: "CarriedFromConversationId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "DurationMinutes",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "NetworkAttendees",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "StaffAttendees",
                table: "Contacts");
        }
    }
}
