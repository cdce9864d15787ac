using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanCheckInsAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RemindMe",
                table: "SupportPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReminderSentFor",
                table: "SupportPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewOn",
                table: "SupportPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MoodCheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mood = table.Column<int>(type: "INTEGER", nullable: false),
                    Words = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoodCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoodCheckIns_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MoodCheckIns_SupportPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SupportPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SharedNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharedNotes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SharedNotes_SupportPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SupportPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportPlans_ReviewOn",
                table: "SupportPlans",
                column: "ReviewOn");

            migrationBuilder.CreateIndex(
                name: "IX_MoodCheckIns_PersonId",
                table: "MoodCheckIns",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MoodCheckIns_PlanId_At",
                table: "MoodCheckIns",
                columns: new[] { "PlanId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SharedNotes_PersonId",
                table: "SharedNotes",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedNotes_PlanId_At",
                table: "SharedNotes",
                columns: new[] { "PlanId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MoodCheckIns");

            migrationBuilder.DropTable(
                name: "SharedNotes");

            migrationBuilder.DropIndex(
                name: "IX_SupportPlans_ReviewOn",
                table: "SupportPlans");

            migrationBuilder.DropColumn(
                name: "RemindMe",
                table: "SupportPlans");

            migrationBuilder.DropColumn(
                name: "ReminderSentFor",
                table: "SupportPlans");

            migrationBuilder.DropColumn(
                name: "ReviewOn",
                table: "SupportPlans");
        }
    }
}
