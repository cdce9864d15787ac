namespace Hub.Domain.Audit;

/// <summary>
/// Checks the audit trail as it is stored: the sealed chain in order, every row's MAC (sealed or
/// not), and each writer's numbering. Fed the sealed rows in sequence order, then the unsealed ones.
/// </summary>
public sealed class AuditChainCheck(AuditKey key)
{
    /// <summary>
    /// A gap this close to a writer's last number may be a save still in flight, or one cut off when
    /// its process stopped (numbers are taken before the commit; saves in flight at once are bounded
    /// by the connection pool, 100 by default); anywhere lower it can only be a removed row.
    /// </summary>
    public const int InFlightAtStop = 128;

    private readonly Dictionary<Guid, SortedSet<long>> _numbers = [];
    private string _expectedPrevious = AuditEvent.GenesisHash;
    private long _expectedSequence = 1;
    private bool _keyedSeen;

    public long SealedRows { get; private set; }
    public long UnsealedRows { get; private set; }
    public long LegacyRows { get; private set; }

    /// <summary>The first position where the sealed chain is broken (altered, removed, inserted or reordered), if any.</summary>
    public long? FirstBrokenSequence { get; private set; }

    /// <summary>Unsealed rows whose content no longer matches their MAC (edited, or made up without the key).</summary>
    public List<Guid> AlteredUnsealed { get; } = [];

    public void AddSealed(AuditEvent row)
    {
        SealedRows++;
        if (FirstBrokenSequence is null && !Holds(row))
        {
            FirstBrokenSequence = _expectedSequence;
        }
        _expectedPrevious = row.Hash ?? string.Empty;
        _expectedSequence++;
        Count(row);
    }

    private bool Holds(AuditEvent row)
    {
        if (row.Sequence != _expectedSequence || row.PreviousHash != _expectedPrevious || row.Hash is null)
        {
            return false;
        }
        if (row.Mac is null)
        {
            // An unkeyed row may only come before the first keyed one (the rows sealed before keyed MACs).
            LegacyRows++;
            return !_keyedSeen && row.ChainHash(key) == row.Hash;
        }
        _keyedSeen = true;
        return row.MacIsValid(key) && key.Matches(ChainText(row), row.Hash);
    }

    private static string ChainText(AuditEvent row) =>
        string.Join('|', row.Sequence!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Mac, row.PreviousHash);

    public void AddUnsealed(AuditEvent row)
    {
        UnsealedRows++;
        if (!row.MacIsValid(key))
        {
            AlteredUnsealed.Add(row.Id);
        }
        Count(row);
    }

    private void Count(AuditEvent row)
    {
        if (row.WriterId is { } writer && row.WriterNumber is { } number)
        {
            if (!_numbers.TryGetValue(writer, out var numbers))
            {
                _numbers[writer] = numbers = [];
            }
            numbers.Add(number);
        }
    }

    /// <summary>
    /// Numbers missing between a writer's first and last stored rows. Those within
    /// <see cref="InFlightAtStop"/> of its last are reported apart: a process that stopped mid-save
    /// leaves such a gap too. (A writer's first rows are not checked: its first number is not stored.)
    /// </summary>
    public (long Removed, long NearWriterEnd) Gaps()
    {
        long removed = 0, nearEnd = 0;
        foreach (var numbers in _numbers.Values)
        {
            var (first, last) = (numbers.Min, numbers.Max);
            var previous = first;
            foreach (var number in numbers)
            {
                for (var missing = previous + 1; missing < number; missing++)
                {
                    if (missing > last - InFlightAtStop)
                    {
                        nearEnd++;
                    }
                    else
                    {
                        removed++;
                    }
                }
                previous = number;
            }
        }
        return (removed, nearEnd);
    }
}
