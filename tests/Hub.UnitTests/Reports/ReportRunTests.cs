using Hub.Domain.Common;
using Hub.Domain.Reports;

namespace Hub.UnitTests.Reports;

public sealed class ReportRunTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private static ReportRun Queued() => new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null, null, "The whole hub", ReportTrigger.Monthly, null, At);

    [Fact]
    public void Should_go_from_queued_to_running_to_ready_and_refuse_to_start_twice()
    {
        var run = Queued();
        run.Start(At.AddSeconds(1));
        Should.Throw<DomainRuleException>(() => run.Start(At.AddSeconds(2)));
        run.Complete(At.AddSeconds(5));

        run.Status.ShouldBe(ReportStatus.Ready);
        run.CompletedAt.ShouldBe(At.AddSeconds(5));
        Should.Throw<DomainRuleException>(() => run.Retry(At.AddMinutes(1)), "only a failed report is tried again");
    }

    [Fact]
    public void Should_keep_what_to_do_when_it_fails_and_go_back_in_the_queue_when_tried_again()
    {
        var run = Queued();
        run.Start(At);
        run.Fail("Install chromium.", At.AddSeconds(3));
        run.FailureMessage.ShouldBe("Install chromium.");

        run.Retry(At.AddMinutes(5));

        run.Status.ShouldBe(ReportStatus.Queued);
        run.FailureMessage.ShouldBeNull();
        run.StartedAt.ShouldBeNull();
    }

    [Fact]
    public void Should_requeue_a_run_only_when_it_has_been_running_longer_than_any_report_takes()
    {
        var run = Queued();
        run.Start(At);
        var version = run.Version;

        run.RequeueIfAbandoned(At.AddMinutes(14), TimeSpan.FromMinutes(15)).ShouldBeFalse();
        run.Status.ShouldBe(ReportStatus.Running);

        run.RequeueIfAbandoned(At.AddMinutes(15), TimeSpan.FromMinutes(15)).ShouldBeTrue();
        run.Status.ShouldBe(ReportStatus.Queued);
        run.Version.ShouldNotBe(version, "a second worker holding the old version cannot also requeue or start it");
        Queued().RequeueIfAbandoned(At.AddDays(1), TimeSpan.FromMinutes(15)).ShouldBeFalse("a queued run is not abandoned");
    }

    [Fact]
    public void Should_refuse_a_period_that_ends_before_it_starts_and_a_team_with_a_neighbourhood()
    {
        Should.Throw<DomainRuleException>(() => new ReportRun(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 1), null, null, "x", ReportTrigger.OnDemand, null, At));
        Should.Throw<DomainRuleException>(() => new ReportRun(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Guid.NewGuid(), "Brixton", "x", ReportTrigger.OnDemand, null, At));
    }

    [Fact]
    public void Should_checksum_each_file_with_sha256()
    {
        var file = new ReportFile(Guid.NewGuid(), ReportFileKind.Csv, "abc"u8.ToArray(), At);

        file.Sha256.ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        file.ContentType.ShouldBe("text/csv; charset=utf-8");
    }
}
