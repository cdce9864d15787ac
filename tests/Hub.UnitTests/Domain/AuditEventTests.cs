using Hub.Domain.Audit;

namespace Hub.UnitTests.Domain;

public sealed class AuditEventTests
{
    private static readonly AuditKey Key = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly Guid Writer = Guid.NewGuid();

    private static AuditEvent Row(int i)
    {
        var row = new AuditEvent(DateTimeOffset.UnixEpoch.AddMinutes(i), Guid.NewGuid(), "Practitioner", Guid.NewGuid(), "Referral", Guid.NewGuid(), AuditAction.View, "Triage");
        row.Stamp(Writer, i + 1, Key);
        return row;
    }

    private static List<AuditEvent> Chain(int length)
    {
        var rows = new List<AuditEvent>();
        var (sequence, hash) = (0L, AuditEvent.GenesisHash);
        for (var i = 0; i < length; i++)
        {
            var row = Row(i);
            row.Seal(sequence, hash, Key);
            (sequence, hash) = (row.Sequence!.Value, row.Hash!);
            rows.Add(row);
        }
        return rows;
    }

    private static AuditChainCheck Check(IEnumerable<AuditEvent> rows, AuditKey? key = null)
    {
        var check = new AuditChainCheck(key ?? Key);
        foreach (var row in rows)
        {
            if (row.IsSealed)
            {
                check.AddSealed(row);
            }
            else
            {
                check.AddUnsealed(row);
            }
        }
        return check;
    }

    [Fact]
    public void Should_verify_an_untouched_chain()
    {
        var check = Check(Chain(5));
        (check.FirstBrokenSequence, check.SealedRows, check.Gaps().Removed).ShouldBe((null, 5, 0));
    }

    [Fact]
    public void Should_find_a_deleted_sealed_row()
    {
        var rows = Chain(5);
        rows.RemoveAt(2);

        Check(rows).FirstBrokenSequence.ShouldBe(3);
    }

    [Fact]
    public void Should_not_verify_under_another_key()
    {
        var check = Check(Chain(3).Append(Row(3)), new AuditKey(new byte[32]));
        (check.FirstBrokenSequence, check.AlteredUnsealed.Count).ShouldBe((1, 1), "whoever lacks the key can neither check nor forge a row");
    }

    [Fact]
    public void Should_refuse_to_seal_a_row_twice()
    {
        var row = Chain(1)[0];
        Should.Throw<InvalidOperationException>(() => row.Seal(5, AuditEvent.GenesisHash, Key));
    }

    [Fact]
    public void Should_count_a_number_missing_well_below_a_writer_last_as_a_removed_row_and_one_near_its_end_apart()
    {
        var rows = Enumerable.Range(0, AuditChainCheck.InFlightAtStop + 20).Select(Row).ToList();
        rows.RemoveAt(rows.Count - 3); // near the end: a save that may still be in flight
        rows.RemoveAt(5);              // far below: only a removal explains it

        Check(rows).Gaps().ShouldBe((1, 1));
    }

    [Fact]
    public void Should_keep_its_time_to_the_millisecond_so_its_mac_survives_every_store()
    {
        var at = DateTimeOffset.UnixEpoch.AddTicks(1_234_567);

        var row = new AuditEvent(at, Guid.NewGuid(), "Practitioner", null, "Page", Guid.Empty, AuditAction.Denied, "GET /staff/triage");

        row.At.UtcTicks.ShouldBe(1_230_000 + DateTimeOffset.UnixEpoch.UtcTicks, "what PostgreSQL (microseconds) or the SQLite default (100 microseconds) would drop is dropped before signing");
    }
}
