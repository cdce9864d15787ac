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
/// through which screen. Rows are only ever added (docs/decisions/032).
/// <list type="bullet">
/// <item>The request that causes the row inserts it <em>unsealed</em>, in its own transaction, stamped
/// with its writer (one id per running process), the writer's next number, and a MAC: an HMAC of
/// everything in the row under the audit key, which lives outside the database. Nobody who can only
/// edit the database can change an unsealed row, or make one up, without the MAC failing.</item>
/// <item>One sealer (a background job holding a database lease) later gives each row its position
/// in the chain and a keyed hash over that position, the row's MAC and the previous row's hash. The
/// position is decided when the row is sealed, never at insert: rows commit in another order than
/// they start.</item>
/// </list>
/// Rows sealed before keyed MACs existed (<see cref="Mac"/> null) keep their unkeyed hash.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        ActorRole = RecordType = Screen = string.Empty;
    }

    public AuditEvent(DateTimeOffset at, Guid? actorUserId, string actorRole, Guid? personId, string recordType, Guid recordId, AuditAction action, string screen)
    {
        // Kept to the millisecond, which every store keeps exactly (PostgreSQL to the microsecond, the
        // SQLite default's binary form to 100 microseconds): the MAC covers the time, so a finer one
        // would not survive the round trip and verification would report every row as altered.
        At = at.AddTicks(-(at.UtcTicks % TimeSpan.TicksPerMillisecond));
        Id = Guid.CreateVersion7(At);
        ActorUserId = actorUserId;
        ActorRole = actorRole;
        PersonId = personId;
        RecordType = recordType;
        RecordId = recordId;
        Action = action;
        Screen = screen;
    }

    /// <summary>The row's own id, chosen when it is made (covered by its MAC). Says nothing about order.</summary>
    public Guid Id { get; private set; }

    /// <summary>Position in the chain (1, 2, 3 …), given by the sealer; null until the row is sealed.</summary>
    public long? Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorRole { get; private set; }
    public Guid? PersonId { get; private set; }
    public string RecordType { get; private set; }
    public Guid RecordId { get; private set; }
    public AuditAction Action { get; private set; }
    public string Screen { get; private set; }

    /// <summary>The process that wrote the row (a fresh id each time a hub process starts).</summary>
    public Guid? WriterId { get; private set; }

    /// <summary>The writer's own count of audit rows (1, 2, 3 …): a number missing between two stored ones is a removed row.</summary>
    public long? WriterNumber { get; private set; }

    /// <summary>HMAC-SHA256 of the row's content under the audit key, set when it is saved; null only on rows sealed before keyed MACs.</summary>
    public string? Mac { get; private set; }

    public string? PreviousHash { get; private set; }
    public string? Hash { get; private set; }

    public bool IsSealed => Sequence is not null;

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Gives an unsealed row its writer, number and MAC, just before it is first saved.</summary>
    public void Stamp(Guid writerId, long writerNumber, AuditKey key)
    {
        if (IsSealed)
        {
            throw new InvalidOperationException("A sealed audit row cannot be stamped again.");
        }
        WriterId = writerId;
        WriterNumber = writerNumber;
        Mac = key.Sign(Content());
    }

    public bool IsStamped => Mac is not null;

    /// <summary>Takes the stamp off a row whose save failed and rolled back, so its number can go to the next row saved.</summary>
    public void ClearStamp()
    {
        if (IsSealed)
        {
            throw new InvalidOperationException("A sealed audit row keeps its stamp.");
        }
        WriterId = null;
        WriterNumber = null;
        Mac = null;
    }

    /// <summary>Whether the row's content still matches its MAC (always false for a row without one).</summary>
    public bool MacIsValid(AuditKey key) => Mac is not null && key.Matches(Content(), Mac);

    /// <summary>Places the row after <paramref name="previousSequence"/> and computes its keyed chain hash.</summary>
    public void Seal(long previousSequence, string previousHash, AuditKey key)
    {
        if (IsSealed)
        {
            throw new InvalidOperationException("This audit row is sealed already.");
        }
        // A row without a MAC was not written by the hub (it stamps every row it saves): it is sealed
        // as found, with the unkeyed hash, which verification reports as a break at its position.
        Sequence = previousSequence + 1;
        PreviousHash = previousHash;
        Hash = ChainHash(key);
    }

    /// <summary>What the stored <see cref="Hash"/> should be, given the row's position, MAC and predecessor.</summary>
    public string? ChainHash(AuditKey key) => Sequence is not { } sequence || PreviousHash is null ? null
        : Mac is null ? LegacyHash(sequence)
        : key.Sign(string.Join('|', sequence.ToString(CultureInfo.InvariantCulture), Mac, PreviousHash));

    private string Content() => string.Join('|',
        Id.ToString("N"),
        At.UtcTicks.ToString(CultureInfo.InvariantCulture),
        ActorUserId?.ToString("N") ?? "-",
        ActorRole,
        PersonId?.ToString("N") ?? "-",
        RecordType,
        RecordId.ToString("N"),
        ((int)Action).ToString(CultureInfo.InvariantCulture),
        Screen,
        WriterId?.ToString("N") ?? "-",
        WriterNumber?.ToString(CultureInfo.InvariantCulture) ?? "-");

    /// <summary>The unkeyed hash of rows sealed before keyed MACs (their content and position in one SHA-256).</summary>
    private string LegacyHash(long sequence)
    {
        var canonical = string.Join('|',
            sequence.ToString(CultureInfo.InvariantCulture),
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
}

/// <summary>
/// The secret the audit MACs and chain hashes are keyed with. It is configuration (a secret store or
/// an environment variable), never a database value: whoever can edit the database but not read the
/// key cannot make an altered row verify.
/// </summary>
public sealed class AuditKey
{
    private readonly byte[] _key;

    public AuditKey(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The audit key must be at least 32 bytes (256 bits).", nameof(key));
        }
        _key = key.ToArray();
    }

    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    public bool Matches(string text, string mac)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(text));
        var actual = Encoding.ASCII.GetBytes(mac);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
