using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Postgres
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
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character(64)",
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
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "Mac",
                table: "AuditEvents",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WriterId",
                table: "AuditEvents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WriterNumber",
                table: "AuditEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseExpiresAt",
                table: "AuditChainHead",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseHolder",
                table: "AuditChainHead",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // Hand-written: rows sealed before this change get an id of their own (the guard is off
            // for this one update: the rows' content and seal do not change).
            migrationBuilder.Sql("""
                ALTER TABLE "AuditEvents" DISABLE TRIGGER "AuditEvents_AppendOnly";
                UPDATE "AuditEvents" SET "Id" = gen_random_uuid();
                ALTER TABLE "AuditEvents" ENABLE TRIGGER "AuditEvents_AppendOnly";
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
                filter: "\"Sequence\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Unsealed",
                table: "AuditEvents",
                columns: new[] { "At", "Id" },
                filter: "\"Sequence\" IS NULL");

            // Hand-written: still append-only, but the sealer may fill the seal columns of an
            // unsealed row once, changing nothing else (docs/decisions/032).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Sequence" IS NULL AND NEW."Sequence" IS NOT NULL
                       AND NEW."Hash" IS NOT NULL AND NEW."PreviousHash" IS NOT NULL
                       AND (NEW."Id", NEW."At", NEW."ActorUserId", NEW."ActorRole", NEW."PersonId", NEW."RecordType", NEW."RecordId",
                            NEW."Action", NEW."Screen", NEW."WriterId", NEW."WriterNumber", NEW."Mac")
                           IS NOT DISTINCT FROM
                           (OLD."Id", OLD."At", OLD."ActorUserId", OLD."ActorRole", OLD."PersonId", OLD."RecordType", OLD."RecordId",
                            OLD."Action", OLD."Screen", OLD."WriterId", OLD."WriterNumber", OLD."Mac") THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'AuditEvents is append-only';
                END;
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the guard as it was (no update at all). Going down needs every row sealed.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEvents is append-only';
                END;
                $$;
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
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character(64)",
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
