using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditSealedOutsideTheRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEvents",
                table: "AuditEvents");

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "AuditEvents",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<Guid>(
                name: "Id",
                table: "AuditEvents",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "Mac",
                table: "AuditEvents",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WriterId",
                table: "AuditEvents",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WriterNumber",
                table: "AuditEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseExpiresAt",
                table: "AuditChainHead",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseHolder",
                table: "AuditChainHead",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            // Hand-written: rows sealed before this change get an id of their own (the guard is off
            // for this one update: the rows' content and seal do not change).
            migrationBuilder.Sql("""
                DISABLE TRIGGER [AuditEvents_AppendOnly] ON [AuditEvents];
                UPDATE [AuditEvents] SET [Id] = NEWID();
                ENABLE TRIGGER [AuditEvents_AppendOnly] ON [AuditEvents];
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEvents",
                table: "AuditEvents",
                column: "Id");

            migrationBuilder.UpdateData(
                table: "AuditChainHead",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "LeaseExpiresAt", "LeaseHolder" },
                values: new object[] { null, null });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents",
                column: "Sequence",
                unique: true,
                filter: "[Sequence] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Unsealed",
                table: "AuditEvents",
                columns: new[] { "At", "Id" },
                filter: "[Sequence] IS NULL");

            // Hand-written: still append-only, but the sealer may fill the seal columns of an
            // unsealed row once, changing nothing else (docs/decisions/032). INSTEAD OF: the
            // trigger checks every row, then makes the allowed update itself.
            migrationBuilder.Sql("""
                CREATE OR ALTER TRIGGER [AuditEvents_AppendOnly] ON [AuditEvents] INSTEAD OF UPDATE, DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF NOT EXISTS (SELECT 1 FROM deleted) RETURN;
                    IF NOT EXISTS (SELECT 1 FROM inserted) OR EXISTS (
                        SELECT 1 FROM deleted d LEFT JOIN inserted i ON i.[Id] = d.[Id]
                        WHERE i.[Id] IS NULL OR d.[Sequence] IS NOT NULL OR i.[Sequence] IS NULL OR i.[Hash] IS NULL OR i.[PreviousHash] IS NULL
                           OR EXISTS (SELECT i.[At], i.[ActorUserId], i.[ActorRole], i.[PersonId], i.[RecordType], i.[RecordId], i.[Action], i.[Screen], i.[WriterId], i.[WriterNumber], i.[Mac]
                                      EXCEPT SELECT d.[At], d.[ActorUserId], d.[ActorRole], d.[PersonId], d.[RecordType], d.[RecordId], d.[Action], d.[Screen], d.[WriterId], d.[WriterNumber], d.[Mac]))
                        THROW 51000, 'AuditEvents is append-only', 1;
                    UPDATE a SET a.[Sequence] = i.[Sequence], a.[PreviousHash] = i.[PreviousHash], a.[Hash] = i.[Hash]
                    FROM [AuditEvents] a JOIN inserted i ON i.[Id] = a.[Id];
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the guard as it was (no update at all). Going down needs every row sealed.
            migrationBuilder.Sql("""
                CREATE OR ALTER TRIGGER [AuditEvents_AppendOnly] ON [AuditEvents] INSTEAD OF UPDATE, DELETE AS
                BEGIN
                    THROW 51000, 'AuditEvents is append-only', 1;
                END;
                """);

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEvents",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Unsealed",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Mac",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "WriterId",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "WriterNumber",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "AuditChainHead");

            migrationBuilder.DropColumn(
                name: "LeaseHolder",
                table: "AuditChainHead");

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "AuditEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEvents",
                table: "AuditEvents",
                column: "Sequence");
        }
    }
}
