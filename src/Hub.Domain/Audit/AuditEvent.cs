using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Domain.Audit;

public enum AuditAction
{
    View = 1,
    Create = 2,
    Update = 3,
    Denied = 4,

    /// <summary>The record was destroyed at the end of its retention period; the row keeps only ids.</summary>
    Destroyed = 5,
}

/// <summary>
/// One read or change of a person's record: who, in what role, which record, what, when and
/// through which screen. Rows are only ever added; each carries the hash of the row before it so
/// that an edit or a deletion anywhere breaks the chain and is detected by verification.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        ActorRole = RecordType = Screen = PreviousHash = Hash = string.Empty;
    }

    public AuditEvent(DateTimeOffset at, Guid? actorUserId, string actorRole, Guid? personId, string recordType, Guid recordId, AuditAction action, string screen)
    {
        // Kept to the microsecond, the finest time PostgreSQL stores: the hash covers the time, so a
        // finer one would not survive the round trip and verification would report every row as altered.
        At = at.AddTicks(-(at.UtcTicks % TimeSpan.TicksPerMicrosecond));
        ActorUserId = actorUserId;
        ActorRole = actorRole;
        PersonId = personId;
        RecordType = recordType;
        RecordId = recordId;
        Action = action;
        Screen = screen;
        PreviousHash = Hash = string.Empty;
        // A distinct placeholder below zero until sealed, so several new rows can wait in one save.
        Sequence = Interlocked.Decrement(ref s_lastPlaceholder);
    }

    private static long s_lastPlaceholder;

    /// <summary>Position in the chain, assigned when the row is sealed (1, 2, 3 …); negative until then.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorRole { get; private set; }
    public Guid? PersonId { get; private set; }
    public string RecordType { get; private set; }
    public Guid RecordId { get; private set; }
    public AuditAction Action { get; private set; }
    public string Screen { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Places the row after <paramref name="previousSequence"/> and computes its hash.</summary>
    public void Seal(long previousSequence, string previousHash)
    {
        Sequence = previousSequence + 1;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public string ComputeHash()
    {
        var canonical = string.Join('|',
            Sequence.ToString(CultureInfo.InvariantCulture),
            At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            ActorUserId?.ToString("N") ?? "-",
            ActorRole,
            PersonId?.ToString("N") ?? "-",
            RecordType,
            RecordId.ToString("N"),
            ((int)Action).ToString(CultureInfo.InvariantCulture),
            Screen,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Checks a run of rows in sequence order. Returns the sequence of the first broken row, or
    /// null when the chain is intact.
    /// </summary>
    public static long? FindFirstBreak(IEnumerable<AuditEvent> rowsInOrder)
    {
        var expectedPrevious = GenesisHash;
        var expectedSequence = 1L;
        foreach (var row in rowsInOrder)
        {
            if (row.Sequence != expectedSequence || row.PreviousHash != expectedPrevious || row.Hash != row.ComputeHash())
            {
                return expectedSequence;
            }
            expectedPrevious = row.Hash;
            expectedSequence++;
        }
        return null;
    }
}
