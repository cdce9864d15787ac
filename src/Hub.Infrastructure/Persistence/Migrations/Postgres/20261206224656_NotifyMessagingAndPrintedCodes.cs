using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotifyMessagingAndPrintedCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedTries",
                table: "PlanAccessLinks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Handle",
                table: "PlanAccessLinks",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "PlanAccessLinks",
                type: "integer",
                nullable: false,
                defaultValue: 1); // hand-written default: rows already there are emails (Channel) and links (Kind), both value 1

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "OutboxMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "OutboxMessages",
                type: "integer",
                nullable: false,
                defaultValue: 1); // hand-written default: rows already there are emails (Channel) and links (Kind), both value 1

            migrationBuilder.AddColumn<string>(
                name: "Delivery",
                table: "OutboxMessages",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveryAt",
                table: "OutboxMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FailedAt",
                table: "OutboxMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PersonId",
                table: "OutboxMessages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Personalisation",
                table: "OutboxMessages",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlanLinkId",
                table: "OutboxMessages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderId",
                table: "OutboxMessages",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Template",
                table: "OutboxMessages",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PersonRefusalTallies",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Hour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonRefusalTallies", x => new { x.Kind, x.Hour });
                });

            migrationBuilder.CreateTable(
                name: "PlanLinkRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    AddressKey = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ClientKey = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanLinkRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanAccessLinks_Handle",
                table: "PlanAccessLinks",
                column: "Handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PersonId",
                table: "OutboxMessages",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanLinkRequests_AddressKey_RequestedAt",
                table: "PlanLinkRequests",
                columns: new[] { "AddressKey", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanLinkRequests_ClientKey_RequestedAt",
                table: "PlanLinkRequests",
                columns: new[] { "ClientKey", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanLinkRequests_ProcessedAt",
                table: "PlanLinkRequests",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonRefusalTallies");

            migrationBuilder.DropTable(
                name: "PlanLinkRequests");

            migrationBuilder.DropIndex(
                name: "IX_PlanAccessLinks_Handle",
                table: "PlanAccessLinks");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_PersonId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "FailedTries",
                table: "PlanAccessLinks");

            migrationBuilder.DropColumn(
                name: "Handle",
                table: "PlanAccessLinks");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "PlanAccessLinks");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Delivery",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "DeliveryAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Personalisation",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PlanLinkId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ProviderId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Template",
                table: "OutboxMessages");
        }
    }
}
