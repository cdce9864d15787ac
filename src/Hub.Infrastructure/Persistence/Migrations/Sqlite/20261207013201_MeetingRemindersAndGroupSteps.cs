using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingRemindersAndGroupSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OfferId",
                table: "PlanSuggestions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReminderSentAt",
                table: "NetworkMeetings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OfferId",
                table: "PlanSuggestions");

            migrationBuilder.DropColumn(
                name: "ReminderSentAt",
                table: "NetworkMeetings");
        }
    }
}
