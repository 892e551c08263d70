using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Contracts;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Integration.Tests.TestSupport;
using RunbookRunner.Server.Reports;
using RunbookRunner.Server.Timeline;

namespace RunbookRunner.Integration.Tests.Reports;

public class LaunchReportTests
{
    private static readonly DateTimeOffset T0 = DecisionHarness.T0;

    [Fact]
    public void Build_FinishedRun_HasPlannedVsActualApprovalsRetriesAndGuardReadings()
    {
        var run = FinishedRun();

        var report = LaunchReportBuilder.Build(run.State, run.Journal, Audit(), run.Now, "https://runbooks.example.com/runs/run-report-1");

        report.State.Should().Be("succeeded");
        report.Outcome.Should().Be("The run succeeded.");
        report.TotalLateness.Should().Be(TimeSpan.FromMinutes(3), "smoke (T+0) started at T+3m");
        var smoke = report.Steps.Single(s => s.Id == "smoke");
        smoke.PlannedStart.Should().Be(T0);
        smoke.ActualStart.Should().Be(T0.AddMinutes(3));
        smoke.StartDelta.Should().Be(TimeSpan.FromMinutes(3));
        smoke.Anchor.Should().Be("T+0");
        report.Steps.Single(s => s.Id == "deploy").Attempts.Should().Be(2);

        var approval = report.Approvals.Single();
        approval.Target.Should().Be("go-no-go");
        approval.Outcome.Should().Be("granted");
        approval.Grants.Select(g => (g.By, g.At, g.Source)).Should().Equal(
            ("U-ANN", T0.AddMinutes(-55), "slack"),
            ("U-BOB", T0.AddMinutes(-50), "web"));

        var failure = report.Failures.Single();
        failure.StepId.Should().Be("deploy");
        failure.Attempt.Should().Be(1);
        failure.Error.Should().Be("HTTP 502 from the deploy hook");
        failure.RetryAt.Should().NotBeNull();
        report.Rollback.Should().BeNull();

        var guard = report.Guards.Single();
        guard.Readings.Should().Be(3);
        guard.Breaches.Should().Be(1);
        guard.Min.Should().Be(0.01);
        guard.Max.Should().Be(0.07);
        guard.Recent.Select(r => r.Value).Should().Equal(0.01, 0.07, 0.02);

        report.Audit.Select(a => (a.Actor, a.Outcome)).Should().Equal(("U-ANN", "allowed"), ("viewer-bot", "denied"));
        report.Timeline.Rows.Single(r => r.StepId == "go-no-go").Marks.Should().Contain(m => m.Kind == TimelineMarkKind.Approval && m.Label.Contains("U-BOB"));
        report.Timeline.Rows.Single(r => r.StepId == "deploy").Marks.Should().Contain(m => m.Kind == TimelineMarkKind.Failure);
        report.Timeline.Now.Should().BeNull("the run is over");
    }

    [Fact]
    public void Render_FinishedRun_MarkdownHtmlAndJsonCarryTheContent()
    {
        var run = FinishedRun();
        var report = LaunchReportBuilder.Build(run.State, run.Journal, Audit(), run.Now, "https://runbooks.example.com/runs/run-report-1");

        var md = MarkdownReport.Render(report);
        md.Should().StartWith("# Launch report: Report demo");
        md.Should().Contain("**The run succeeded.**");
        md.Should().Contain("Total lateness: 3m behind plan at most");
        md.Should().Contain("| `smoke` (T+0) | succeeded | 12:00:00 | 12:03:00 | 3m late |", "Europe/London is on GMT in December");
        md.Should().Contain("approved by U-ANN at 11:05:00 via slack");
        md.Should().Contain("`deploy` attempt 1 failed: HTTP 502 from the deploy hook; retried at");
        md.Should().Contain("`error-rate`: expired, 3 readings, 1 in breach, min 0.01, max 0.07");
        md.Should().Contain("| viewer-bot | web | approve | go-no-go | denied |");
        md.Should().Contain("No rollback.");
        md.Should().Contain("Dashboard: https://runbooks.example.com/runs/run-report-1");

        var html = HtmlReport.Render(report);
        html.Should().StartWith("<!DOCTYPE html>");
        html.Should().Contain("<svg").And.Contain("data-step=\"smoke\"").And.Contain("class=\"actual\"");
        html.Should().Contain("approved by U-BOB at 11:10:00 via web");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report, ApiJson.Options));
        json.RootElement.GetProperty("state").GetString().Should().Be("succeeded");
        json.RootElement.GetProperty("steps").GetArrayLength().Should().Be(4);
        json.RootElement.GetProperty("approvals")[0].GetProperty("grants")[0].GetProperty("by").GetString().Should().Be("U-ANN");
        json.RootElement.GetProperty("timeline").GetProperty("rows").GetArrayLength().Should().Be(4);
    }

    [Fact]
    public void Build_RolledBackRun_ListsEveryUndoWithItsOutcome()
    {
        var run = Approved();
        run.Succeed("maintenance-on").Succeed("deploy");
        run.At(T0.AddMinutes(1)).Fail("smoke", "healthz answered 503\nlog tail line");
        run.State.Status.Should().Be(RunStatus.RollingBack);
        run.FinishCompensation().FinishCompensation();

        var report = LaunchReportBuilder.Build(run.State, run.Journal, [], run.Now);

        run.State.Status.Should().Be(RunStatus.RolledBack);
        report.State.Should().Be("rolled_back");
        report.Outcome.Should().StartWith("The run was rolled back: ").And.Contain("smoke");
        report.Failures.Single().Error.Should().Be("healthz answered 503", "only the error's first line goes in the report");
        var rollback = report.Rollback!;
        rollback.StartedAt.Should().Be(T0.AddMinutes(1));
        rollback.Items.Select(i => (i.StepId, i.IsRollbackStep, i.State)).Should().Equal(
            ("maintenance-on", false, "succeeded"),
            ("status-page", true, "succeeded"));
        rollback.Items[0].Summary.Should().Be("undone");
        report.Steps.Single(s => s.Id == "maintenance-on").State.Should().Be("compensated");
        report.Timeline.Marks.Should().ContainSingle(m => m.Kind == TimelineMarkKind.Rollback);
        report.Timeline.Rows.Single(r => r.StepId == "maintenance-on").Marks.Should().Contain(m => m.Kind == TimelineMarkKind.Compensation);

        var md = MarkdownReport.Render(report);
        md.Should().Contain("## Rollback");
        md.Should().Contain("| `maintenance-on` | succeeded |");
        md.Should().Contain("| `status-page` (rollback step) | succeeded |");
        md.Should().NotContain("log tail line");
        HtmlReport.Render(report).Should().Contain("class=\"run-mark mark-rollback\"");
    }

    [Fact]
    public void TimelineSvg_RunningRun_DrawsNowLineAndLateness()
    {
        var run = Approved();
        run.At(T0.AddMinutes(-40));

        var chart = TimelineChartBuilder.ForRun(Slack.Messages.RunTimeline.TryPlan(run.State), run.State, run.Journal, run.Now);
        var svg = TimelineSvg.Render(chart);

        chart.Now.Should().Be(T0.AddMinutes(-40));
        chart.Rows.Single(r => r.StepId == "maintenance-on").InProgress.Should().BeTrue();
        svg.Should().Contain("class=\"now-line\"").And.Contain("data-state=\"running\"").And.Contain("role=\"img\"");
        chart.Rows.Single(r => r.StepId == "smoke").Critical.Should().BeTrue("smoke's own anchor (T+0) sets the latest finish");
        chart.Rows.Single(r => r.StepId == "go-no-go").Critical.Should().BeFalse("it finishes long before smoke's anchor at worst");
    }

    private static DecisionHarness Approved()
    {
        var run = new DecisionHarness(ReportRunbooks.Launch, T0.AddHours(-2));
        run.Send(new StartRun(new Actor("U-LEAD", "cli")));
        run.At(T0.AddMinutes(-58));
        run.At(T0.AddMinutes(-55)).Send(new Approve("go-no-go", new Actor("U-ANN", "slack")));
        run.At(T0.AddMinutes(-50)).Send(new Approve("go-no-go", new Actor("U-BOB", "web")));
        return run;
    }

    private static DecisionHarness FinishedRun()
    {
        var run = Approved();
        run.Succeed("maintenance-on").Fail("deploy", "HTTP 502 from the deploy hook");
        run.At(T0.AddMinutes(-48)).Succeed("deploy");
        run.At(T0.AddMinutes(3)).Succeed("smoke");
        run.At(T0.AddMinutes(4)).Send(new GuardPolled("error-rate", 0.01, false, "0.01"));
        run.At(T0.AddMinutes(5)).Send(new GuardPolled("error-rate", 0.07, true, "0.07 above 0.05"));
        run.At(T0.AddMinutes(6)).Send(new GuardPolled("error-rate", 0.02, false, "0.02"));
        run.At(T0.AddMinutes(31));
        return run;
    }

    private static List<AuditEntry> Audit() =>
    [
        new() { Id = 7, At = T0.AddMinutes(-55), Actor = "U-ANN", Source = AuditSource.Slack, Action = "approve", RunId = "run-report-1", StepId = "go-no-go", Outcome = AuditOutcome.Allowed, PreviousHash = "a", Hash = "b" },
        new() { Id = 9, At = T0.AddMinutes(-52), Actor = "viewer-bot", Source = AuditSource.Web, Action = "approve", RunId = "run-report-1", StepId = "go-no-go", Outcome = AuditOutcome.Denied, Detail = "needs approver", PreviousHash = "b", Hash = "c" },
    ];
}
