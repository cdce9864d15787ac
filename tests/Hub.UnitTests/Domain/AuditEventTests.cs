using Hub.Domain.Audit;

namespace Hub.UnitTests.Domain;

public sealed class AuditEventTests
{
    private static List<AuditEvent> Chain(int length)
    {
        var rows = new List<AuditEvent>();
        var (sequence, hash) = (0L, AuditEvent.GenesisHash);
        for (var i = 0; i < length; i++)
        {
            var row = new AuditEvent(DateTimeOffset.UnixEpoch.AddMinutes(i), Guid.NewGuid(), "Practitioner", Guid.NewGuid(), "Referral", Guid.NewGuid(), AuditAction.View, "Triage");
            row.Seal(sequence, hash);
            (sequence, hash) = (row.Sequence, row.Hash);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void Should_verify_an_untouched_chain()
    {
        AuditEvent.FindFirstBreak(Chain(5)).ShouldBeNull();
    }

    [Fact]
    public void Should_find_a_deleted_row()
    {
        var rows = Chain(5);
        rows.RemoveAt(2);

        AuditEvent.FindFirstBreak(rows).ShouldBe(3);
    }

    [Fact]
    public void Should_find_a_row_that_was_resealed_after_an_edit()
    {
        var rows = Chain(5);
        // Resealing row 2 with a new hash breaks the link that row 3 holds.
        rows[1].Seal(1, new string('f', 64));

        AuditEvent.FindFirstBreak(rows).ShouldBe(2);
    }

    [Fact]
    public void Should_keep_its_time_to_the_microsecond_so_its_hash_survives_a_database_that_stores_no_finer()
    {
        var at = DateTimeOffset.UnixEpoch.AddTicks(1_234_567);

        var row = new AuditEvent(at, Guid.NewGuid(), "Practitioner", null, "Page", Guid.Empty, AuditAction.Denied, "GET /staff/triage");

        row.At.UtcTicks.ShouldBe(1_234_560 + DateTimeOffset.UnixEpoch.UtcTicks, "the 100-nanosecond ticks PostgreSQL would drop are dropped before hashing");
    }
}
