using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class VolunteeringRecordsKeptRight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ErasedAt",
                table: "Volunteers",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InvitationId",
                table: "Volunteers",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ErasedAt",
                table: "SupportRequests",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_InvitationId",
                table: "Volunteers",
                column: "InvitationId",
                unique: true,
                filter: "[InvitationId] IS NOT NULL");
            // Hand-written data correction (docs/decisions/042): an invitation issued before links were
            // minted at send has its usable token in the body of an outbox row. End every such unspent
            // invitation, so no usable token is left at rest; the coordinator invites again.
            migrationBuilder.Sql("UPDATE [Volunteers] SET [InvitationHash] = NULL, [InvitationExpiresAt] = NULL WHERE [InvitationHash] IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Volunteers_InvitationId",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "InvitationId",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "SupportRequests");
        }
    }
}
