using FluentAssertions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using Xunit;
using static RunbookRunner.Core.Tests.Runs.TestRunbooks;

namespace RunbookRunner.Core.Tests.Runs;

public class RunDeciderRollbackTests
{
    private static Runbook ThreeUndoableStepsThenFailing() =>
        Of(Action("backup"), Action("maint").WithUndo(), Action("b1", after: ["maint"]).WithUndo(), Action("b2", after: ["maint"]).WithUndo(),
            Action("smoke", after: ["b1", "b2"]) with { OnFailure = FailurePolicy.Rollback }) with
        {
            Rollback = [Action("status-page") with { After = [] }],
        };

    [Fact]
    public void OnFailureRollback_UndoesInReverseCompletionOrderThenRollbackList()
    {
        var run = new RunHarness(ThreeUndoableStepsThenFailing());
        run.Start();
        run.Succeed("backup");
        run.Succeed("maint");
        run.Succeed("b2");
        run.Succeed("b1");

        run.Fail("smoke");
        var undone = new List<string>();
        while (run.State.Status == RunStatus.RollingBack)
        {
            undone.Add(run.Commands.OfType<ExecuteCompensation>().Single().StepId);
            run.FinishCompensation();
        }

        undone.Should().Equal("b1", "b2", "maint", "status-page");
        run.State.Status.Should().Be(RunStatus.RolledBack);
        run.StatusOf("maint").Should().Be(StepStatus.Compensated);
        run.StatusOf("backup").Should().Be(StepStatus.Succeeded, "it has no undo");
    }

    [Fact]
    public void RollbackNow_WaitsForRunningStepsBeforeUndoing()
    {
        var run = new RunHarness(Of(Action("a").WithUndo(), Action("b").WithUndo()));
        run.Start();
        run.Succeed("a");

        run.Send(new RollbackRun(new Actor("U-LEAD", "web")));

        run.Commands.OfType<CancelSteps>().Single().StepIds.Should().Equal("b");
        run.Commands.OfType<ExecuteCompensation>().Should().BeEmpty("b is still running");
        run.Succeed("b");
        run.Commands.OfType<ExecuteCompensation>().Single().StepId.Should().Be("b", "b completed before it could be cancelled");
    }

    [Fact]
    public void CompensationFailure_PausesThenRetryRunsItAgain()
    {
        var run = new RunHarness(Of(Action("a").WithUndo(), Action("b") with { OnFailure = FailurePolicy.Rollback }));
        run.Start();
        run.Succeed("a");
        run.Fail("b");

        run.FinishCompensation(succeeded: false);
        run.State.Status.Should().Be(RunStatus.Paused);
        run.Send(new ResumeRun(new("U-LEAD", "cli"))).IsRejected.Should().BeTrue();

        run.Send(new RetryStep("a", new Actor("U-LEAD", "cli")));
        run.Commands.OfType<ExecuteCompensation>().Single().Attempt.Should().Be(2);
        run.FinishCompensation();

        run.State.Status.Should().Be(RunStatus.RolledBack);
    }

    [Fact]
    public void RollbackStepOnlyForAnotherEnvironment_IsNotPartOfThisRollback()
    {
        var runbook = Of(Action("a").WithUndo(), Action("b") with { OnFailure = FailurePolicy.Rollback }) with
        {
            Rollback = [Action("status-page") with { After = [], Only = ["production"] }, Action("notify") with { After = [] }],
        };
        var run = new RunHarness(runbook, environment: "staging");
        run.Start();
        run.Succeed("a");

        run.Fail("b");

        run.State.Rollback!.Items!.Select(i => i.Item.StepId).Should().Equal("a", "notify");
    }

    [Fact]
    public void RollbackStepWithRetry_TriesAgainAfterItsBackoffWithoutPausing()
    {
        var runbook = Of(Action("b") with { OnFailure = FailurePolicy.Rollback }) with
        {
            Rollback = [Action("old-site-healthy") with { After = [], Retry = new RetryPolicy(3, TimeSpan.FromSeconds(30)) }],
        };
        var run = new RunHarness(runbook);
        run.Start();
        run.Fail("b");

        run.FinishCompensation(succeeded: false);

        run.State.Status.Should().Be(RunStatus.RollingBack, "a retry is due, nobody needs to decide");
        run.Wake.Should().Be(run.Now + TimeSpan.FromSeconds(30));
        run.Commands.OfType<ExecuteCompensation>().Should().BeEmpty();
        run.After(TimeSpan.FromSeconds(30));
        run.Commands.OfType<ExecuteCompensation>().Single().Attempt.Should().Be(2);
        run.FinishCompensation();
        run.State.Status.Should().Be(RunStatus.RolledBack);
    }

    [Fact]
    public void RollbackStepWithOnFailureContinue_FailsAndTheRollbackStillCompletes()
    {
        var runbook = Of(Action("a").WithUndo(), Action("b") with { OnFailure = FailurePolicy.Rollback }) with
        {
            Rollback = [Action("status-page") with { After = [], OnFailure = FailurePolicy.Continue }, Action("notify") with { After = [] }],
        };
        var run = new RunHarness(runbook);
        run.Start();
        run.Succeed("a");
        run.Fail("b");
        run.FinishCompensation();

        run.FinishCompensation(succeeded: false);

        run.Commands.OfType<ExecuteCompensation>().Single().StepId.Should().Be("notify");
        run.FinishCompensation();
        run.State.Status.Should().Be(RunStatus.RolledBack, "a nice-to-have rollback step does not make the rollback incomplete");
        run.State.Rollback!.Items![1].Status.Should().Be(CompensationStatus.Tolerated);
    }

    [Fact]
    public void CompensationSkipped_EndsAsFailedNotRolledBack()
    {
        var run = new RunHarness(Of(Action("a").WithUndo(), Action("b") with { OnFailure = FailurePolicy.Rollback }));
        run.Start();
        run.Succeed("a");
        run.Fail("b");
        run.FinishCompensation(succeeded: false);

        run.Send(new SkipStep("a", new Actor("U-LEAD", "cli")));

        run.State.Status.Should().Be(RunStatus.Failed);
        run.State.EndReason.Should().Contain("undo of a was skipped");
    }

    [Fact]
    public void Rollback_Twice_IsIllegal()
    {
        var run = new RunHarness(Of(Action("a").WithUndo(), Action("b")));
        run.Start();
        run.Send(new RollbackRun(new Actor("U-LEAD", "web")));

        run.Send(new RollbackRun(new Actor("U-LEAD", "web"))).IsRejected.Should().BeTrue();
    }
}
