using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FiguresForPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClockStoppedAt",
                table: "ReferralSpells",
                type: "datetimeoffset",
                nullable: true);

            // Spells whose clock had already stopped: the latest of the three dates.
            migrationBuilder.Sql("UPDATE [ReferralSpells] SET [ClockStoppedAt] = (SELECT MAX(v) FROM (VALUES ([AssessedAt]), ([BaselineMeasuredAt]), ([CarePlanAgreedAt])) AS stops(v)) WHERE [AssessedAt] IS NOT NULL AND [BaselineMeasuredAt] IS NOT NULL AND [CarePlanAgreedAt] IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralSpells_ClockStoppedAt",
                table: "ReferralSpells",
                column: "ClockStoppedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralSpells_StartedAt",
                table: "ReferralSpells",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReceivedAt",
                table: "Referrals",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeRecords_At_IsBaseline",
                table: "OutcomeRecords",
                columns: new[] { "At", "IsBaseline" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_At",
                table: "Contacts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_SpellMember",
                table: "CareTeamMembers",
                columns: new[] { "SpellId", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReferralSpells_ClockStoppedAt",
                table: "ReferralSpells");

            migrationBuilder.DropIndex(
                name: "IX_ReferralSpells_StartedAt",
                table: "ReferralSpells");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ReceivedAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_OutcomeRecords_At_IsBaseline",
                table: "OutcomeRecords");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_At",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_CareTeamMembers_SpellMember",
                table: "CareTeamMembers");

            migrationBuilder.DropColumn(
                name: "ClockStoppedAt",
                table: "ReferralSpells");
        }
    }
}
