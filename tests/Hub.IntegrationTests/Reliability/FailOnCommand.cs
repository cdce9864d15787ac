using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.IntegrationTests.Reliability;

/// <summary>
/// Breaks a chosen command of the next unit of work: the n-th write command, or the first command
/// that matches. The fault is thrown before the command reaches the server, or (when the fault
/// returns null) something is done to the server first and the command then goes. Counts the
/// unit's commands (reads that come before its first write, outside a transaction, are look-ups and
/// are not counted) and the faults, so a test can tell how many times the work was tried.
/// </summary>
internal sealed class FailOnCommand : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private Func<DbCommand, Exception?>? _fault;
    private int? _failAt;
    private Func<DbCommand, bool>? _failWhen;
    private bool _everyTry;
    private bool _counting;

    /// <summary>Commands counted since the last reset, the failed ones included.</summary>
    public int Seen { get; private set; }

    /// <summary>Faults thrown since the last reset.</summary>
    public int Faults { get; private set; }

    /// <summary>
    /// Starts counting. With <paramref name="failAt"/>, the command with that number throws; with
    /// <paramref name="everyTry"/> so does every command after it (a fault that does not go away).
    /// </summary>
    public void Reset(int? failAt, Func<DbCommand, Exception?>? fault = null, bool everyTry = false) =>
        Arm(failAt, null, fault, everyTry);

    /// <summary>Starts counting; the first command that <paramref name="match"/> accepts throws, once.</summary>
    public void FailWhen(Func<DbCommand, bool> match, Func<DbCommand, Exception?> fault) => Arm(null, match, fault, everyTry: false);

    private void Arm(int? failAt, Func<DbCommand, bool>? failWhen, Func<DbCommand, Exception?>? fault, bool everyTry)
    {
        lock (_lock)
        {
            (_failAt, _failWhen, _everyTry) = (failAt, failWhen, everyTry);
            _fault = fault ?? (_ => new InvalidOperationException("Injected: connection lost"));
            Seen = Faults = 0;
            _counting = true;
        }
    }

    private void Step(DbCommand command)
    {
        Func<DbCommand, Exception?>? fault = null;
        lock (_lock)
        {
            if (!_counting || (Seen == 0 && _failWhen is null && command.Transaction is null
                && WithoutComments(command.CommandText).StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }
            Seen++;
            var hit = _failWhen is { } match ? match(command) : Seen == _failAt || (_everyTry && Seen > _failAt);
            if (hit)
            {
                _failWhen = null;
                if (_failAt is null)
                {
                    _counting = false;
                }
                Faults++;
                fault = _fault;
            }
        }
        if (fault?.Invoke(command) is { } thrown)
        {
            throw thrown;
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Step(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Step(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Step(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>The statement after any leading "--" comment lines (a tag, such as the one that asks for preparing).</summary>
    private static string WithoutComments(string sql)
    {
        var text = sql.TrimStart();
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? string.Empty : text[(end + 1)..].TrimStart();
        }
        return text;
    }
}
