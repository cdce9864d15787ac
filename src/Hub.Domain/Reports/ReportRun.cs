using System.Security.Cryptography;
using Hub.Domain.Common;

namespace Hub.Domain.Reports;

public enum ReportStatus
{
    Queued = 1,
    Running = 2,
    Ready = 3,
    /// <summary>The figures, web page and CSV were made but the PDF was not; the message says what to do.</summary>
    Failed = 4,
}

public enum ReportTrigger
{
    OnDemand = 1,
    Monthly = 2,
}

public enum ReportFileKind
{
    Html = 1,
    Csv = 2,
    Pdf = 3,
}

/// <summary>
/// One commissioner report: the period and scope it counts, who asked and when, and how far making
/// it has got. Its files are archived as <see cref="ReportFile"/>s with their checksums, so a
/// download months later returns the same bytes.
/// </summary>
public sealed class ReportRun
{
    public const int ScopeLabelMaxLength = 200;
    public const int FailureMaxLength = 1000;

    private ReportRun()
    {
        ScopeLabel = string.Empty;
    }

    public ReportRun(DateOnly from, DateOnly to, Guid? teamId, string? neighbourhood, string scopeLabel, ReportTrigger trigger, Guid? requestedBy, DateTimeOffset at)
    {
        if (to < from)
        {
            throw new DomainRuleException("A report's period must end on or after the day it starts.");
        }
        if (teamId is not null && neighbourhood is not null)
        {
            throw new DomainRuleException("A report covers the whole hub, one team or one neighbourhood.");
        }
        From = from;
        To = to;
        TeamId = teamId;
        Neighbourhood = neighbourhood;
        ScopeLabel = scopeLabel;
        Trigger = trigger;
        RequestedByUserId = requestedBy;
        RequestedAt = at;
        Status = ReportStatus.Queued;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public Guid? TeamId { get; private set; }
    public string? Neighbourhood { get; private set; }

    /// <summary>The scope as the report names it ("The whole hub", a team's name, a neighbourhood), kept as it was when asked.</summary>
    public string ScopeLabel { get; private set; }

    public ReportTrigger Trigger { get; private set; }

    /// <summary>Who asked; null for the monthly schedule.</summary>
    public Guid? RequestedByUserId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }
    public ReportStatus Status { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? FailureMessage { get; private set; }

    /// <summary>Optimistic concurrency: two workers cannot both start the same report.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Start(DateTimeOffset at)
    {
        if (Status != ReportStatus.Queued)
        {
            throw new DomainRuleException("Only a queued report can start.");
        }
        Status = ReportStatus.Running;
        StartedAt = at;
        Version = Guid.NewGuid();
    }

    public void Complete(DateTimeOffset at)
    {
        EnsureRunning();
        Status = ReportStatus.Ready;
        CompletedAt = at;
        Version = Guid.NewGuid();
    }

    public void Fail(string message, DateTimeOffset at)
    {
        EnsureRunning();
        Status = ReportStatus.Failed;
        FailureMessage = message.Length > FailureMaxLength ? message[..FailureMaxLength] : message;
        CompletedAt = at;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// A report left running by a worker that stopped (a crash, a restart mid-PDF) goes back in the
    /// queue once it has been running longer than any report takes.
    /// </summary>
    public bool RequeueIfAbandoned(DateTimeOffset now, TimeSpan longest)
    {
        if (Status != ReportStatus.Running || StartedAt is not { } started || now - started < longest)
        {
            return false;
        }
        Status = ReportStatus.Queued;
        StartedAt = null;
        Version = Guid.NewGuid();
        return true;
    }

    /// <summary>A failed report is asked for again: it goes back in the queue and its old files are replaced.</summary>
    public void Retry(DateTimeOffset at)
    {
        if (Status != ReportStatus.Failed)
        {
            throw new DomainRuleException("Only a failed report can be tried again.");
        }
        Status = ReportStatus.Queued;
        FailureMessage = null;
        StartedAt = null;
        CompletedAt = null;
        RequestedAt = at;
        Version = Guid.NewGuid();
    }

    private void EnsureRunning()
    {
        if (Status != ReportStatus.Running)
        {
            throw new DomainRuleException("Only a running report can finish.");
        }
    }
}

/// <summary>One archived file of a report, with the SHA-256 of its bytes.</summary>
public sealed class ReportFile
{
    private ReportFile()
    {
        Content = [];
        Sha256 = string.Empty;
        ContentType = string.Empty;
    }

    public ReportFile(Guid reportId, ReportFileKind kind, byte[] content, DateTimeOffset at)
    {
        ReportId = reportId;
        Kind = kind;
        Content = content;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        ContentType = kind switch
        {
            ReportFileKind.Html => "text/html; charset=utf-8",
            ReportFileKind.Csv => "text/csv; charset=utf-8",
            _ => "application/pdf",
        };
        CreatedAt = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ReportId { get; private set; }
    public ReportFileKind Kind { get; private set; }
    public byte[] Content { get; private set; }
    public string Sha256 { get; private set; }
    public string ContentType { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
