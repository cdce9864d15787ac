using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnlyGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written (SQLite only: the table was rebuilt by the migration before). Still append-only, but the sealer may fill the seal columns of an
            // unsealed row once, changing nothing else (docs/decisions/032).
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
                WHEN NOT (OLD."Sequence" IS NULL AND NEW."Sequence" IS NOT NULL AND NEW."Hash" IS NOT NULL AND NEW."PreviousHash" IS NOT NULL
                    AND NEW."Id" IS OLD."Id" AND NEW."At" IS OLD."At" AND NEW."ActorUserId" IS OLD."ActorUserId" AND NEW."ActorRole" IS OLD."ActorRole" AND NEW."PersonId" IS OLD."PersonId" AND NEW."RecordType" IS OLD."RecordType" AND NEW."RecordId" IS OLD."RecordId" AND NEW."Action" IS OLD."Action" AND NEW."Screen" IS OLD."Screen" AND NEW."WriterId" IS OLD."WriterId" AND NEW."WriterNumber" IS OLD."WriterNumber" AND NEW."Mac" IS OLD."Mac")
                BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the guards as they were before the sealer (no update at all).
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_NoUpdate";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only'); END;
                """);
        }
    }
}
