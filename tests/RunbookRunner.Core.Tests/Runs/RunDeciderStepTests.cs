using FluentAssertions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Time;
using Xunit;
using static RunbookRunner.Core.Tests.Runs.TestRunbooks;

namespace RunbookRunner.Core.Tests.Runs;

public class RunDeciderStepTests
{
    [Fact]
    public void Decide_SequentialSteps_RunInOrderAndSucceed()
    {
        var run = new RunHarness(Of(Action("a"), Action("b")));

        run.Start();
        run.Executed.Should().Equal("a");
        run.Succeed("a");
        run.Executed.Should().Equal("b");
        run.Succeed("b");

        run.State.Status.Should().Be(RunStatus.Succeeded);
        run.State.CompletionOrder.Should().Equal("a", "b");
        run.Wake.Should().BeNull();
    }

    [Fact]
    public void Decide_StepsWithSameDependency_StartInParallel()
    {
        var run = new RunHarness(Of(Action("a"), Action("b", after: ["a"]), Action("c", after: ["a"]), Action("d", after: ["b", "c"])));

        run.Start();
        run.Succeed("a");

        run.Executed.Should().BeEquivalentTo(["b", "c"]);
        run.Succeed("b");
        run.Executed.Should().BeEmpty("d waits for c as well");
        run.Succeed("c");
        run.Executed.Should().Equal("d");
    }

    [Fact]
    public void Decide_AnchoredStep_WaitsForItsTimeAndWakesThen()
    {
        var run = new RunHarness(Of(Action("a"), Action("cutover", at: "T+0")));
        run.Start();
        run.Succeed("a");

        run.StatusOf("cutover").Should().Be(StepStatus.Waiting);
        run.Wake.Should().Be(RunHarness.T0);
        run.At(RunHarness.T0 - TimeSpan.FromSeconds(1)).Events.Should().BeEmpty();

        run.At(RunHarness.T0);

        run.Executed.Should().Equal("cutover");
        run.LastEvents.OfType<StepStarted>().Single().Anchor.Should().Be(RunHarness.T0);
    }

    [Fact]
    public void Decide_DependencyFinishesAfterAnchor_StartsAtOnceAndRecordsAnchorForLateness()
    {
        var run = new RunHarness(Of(Action("a"), Action("b", at: "T-7h")));
        run.Start();
        run.At(RunHarness.T0 - TimeSpan.FromHours(6));

        run.Succeed("a");

        run.Executed.Should().Equal("b");
        var started = run.LastEvents.OfType<StepStarted>().Single();
        (started.At - started.Anchor!.Value).Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Decide_WaitStep_CompletesAfterItsDuration()
    {
        var wait = new Step { Id = "soak", Kind = StepKind.Wait, Wait = TimeSpan.FromMinutes(10) };
        var run = new RunHarness(Of(wait, Action("b")));
        run.Start();

        run.StatusOf("soak").Should().Be(StepStatus.Running);
        run.Wake.Should().Be(run.Now + TimeSpan.FromMinutes(10));
        run.After(TimeSpan.FromMinutes(10));

        run.StatusOf("soak").Should().Be(StepStatus.Succeeded);
        run.Executed.Should().Equal("b");
    }

    [Fact]
    public void Decide_EmptyWaitSteps_CompleteInTheDecisionThatStartsThem()
    {
        var steps = Enumerable.Range(1, 5).Select(i => new Step { Id = $"w{i}", Kind = StepKind.Wait, Wait = TimeSpan.Zero }).ToArray();
        var run = new RunHarness(Of(steps));

        run.Start();

        run.State.Status.Should().Be(RunStatus.Succeeded);
        run.LastEvents.OfType<StepSucceeded>().Select(e => e.StepId).Should().Equal("w1", "w2", "w3", "w4", "w5");
    }

    [Fact]
    public void Decide_FailureWithRetriesLeft_RetriesAfterBackoff()
    {
        var step = Action("smoke") with { Retry = new RetryPolicy(3, TimeSpan.FromSeconds(20), 2) };
        var run = new RunHarness(Of(step));
        run.Start();

        run.Fail("smoke");
        run.StatusOf("smoke").Should().Be(StepStatus.Waiting);
        run.Wake.Should().Be(run.Now + TimeSpan.FromSeconds(20));
        run.After(TimeSpan.FromSeconds(20));
        run.Commands.OfType<ExecuteStep>().Single().Attempt.Should().Be(2);

        run.Fail("smoke");
        run.Wake.Should().Be(run.Now + TimeSpan.FromSeconds(40), "backoff doubles");
        run.After(TimeSpan.FromSeconds(40));
        run.Succeed("smoke");

        run.State.Status.Should().Be(RunStatus.Succeeded);
        run.State.Step("smoke").Attempts.Should().Be(3);
    }

    [Fact]
    public void Decide_RecurringStepFailingInALaterOccurrence_GetsItsFullRetryBudgetAndKeepsItsSchedule()
    {
        var step = Action("hourly") with
        {
            Every = TimeSpan.FromHours(1),
            Until = TimeAnchor.Parse("T+12h"),
            Retry = new RetryPolicy(3, TimeSpan.FromMinutes(1)),
        };
        var run = new RunHarness(Of(step), now: RunHarness.T0);
        run.Start();
        var first = run.Now;
        for (var i = 0; i < 5; i++)
        {
            run.Succeed("hourly");
            run.At(first + TimeSpan.FromHours(i + 1));
        }

        // Occurrence 6 (attempt 6): a slow reading fails it once; the budget is per occurrence, not per step.
        run.Fail("hourly");
        run.StatusOf("hourly").Should().Be(StepStatus.Waiting, "retried: the sixth occurrence has used one attempt of three");
        run.After(TimeSpan.FromMinutes(1));
        run.Succeed("hourly");

        run.State.Status.Should().Be(RunStatus.Running);
        run.State.Step("hourly").WaitingUntil.Should().Be(first + TimeSpan.FromHours(6), "a retry does not push the hourly schedule back by an hour");
    }

    [Fact]
    public void Decide_NonRetryableFailure_DoesNotRetry()
    {
        var run = new RunHarness(Of(Action("a") with { Retry = new RetryPolicy(3, TimeSpan.FromSeconds(1)) }));
        run.Start();

        run.Fail("a", retryable: false);

        run.StatusOf("a").Should().Be(StepStatus.Failed);
        run.State.Status.Should().Be(RunStatus.Paused);
    }

    [Fact]
    public void Decide_OnFailurePause_PausesAndRetryResumes()
    {
        var run = new RunHarness(Of(Action("a"), Action("b")));
        run.Start();

        run.Fail("a");
        run.State.Status.Should().Be(RunStatus.Paused);
        run.State.PauseReason.Should().Contain("step a failed");
        run.Send(new RunbookRunner.Core.Runs.Inputs.ResumeRun(new("U-LEAD", "cli"))).Error!.Message.Should().Contain("step a is failed");

        run.Send(new RunbookRunner.Core.Runs.Inputs.RetryStep("a", new("U-LEAD", "cli")));

        run.State.Status.Should().Be(RunStatus.Running);
        run.Commands.OfType<ExecuteStep>().Single().Should().Match<ExecuteStep>(e => e.StepId == "a" && e.Attempt == 2);
    }

    [Fact]
    public void Decide_OnFailureAbort_FailsRunAndCancelsParallelSteps()
    {
        var run = new RunHarness(Of(Action("a") with { OnFailure = FailurePolicy.Abort }, Action("b", after: [])));
        run.Start();
        run.Executed.Should().BeEquivalentTo(["a", "b"]);

        run.Fail("a");

        run.State.Status.Should().Be(RunStatus.Failed);
        run.Commands.OfType<CancelSteps>().Single().StepIds.Should().Equal("b");
        run.Succeed("b").IsRejected.Should().BeFalse("a late result of a cancelled step is ignored");
        run.State.Status.Should().Be(RunStatus.Failed);
    }

    [Fact]
    public void Decide_OnFailureContinue_DependentsProceed()
    {
        var run = new RunHarness(Of(Action("a") with { OnFailure = FailurePolicy.Continue }, Action("b")));
        run.Start();

        run.Fail("a");

        run.Executed.Should().Equal("b");
        run.Succeed("b");
        run.State.Status.Should().Be(RunStatus.Succeeded);
    }

    [Fact]
    public void Decide_StepOnlyForOtherEnvironment_IsSkippedInItsTurn()
    {
        var run = new RunHarness(Of(Action("a"), Action("b") with { Only = ["production"] }, Action("c")), environment: "staging");

        run.Start();
        run.StatusOf("b").Should().Be(StepStatus.Pending, "b is skipped only when a is done, so c still waits for a");
        run.Executed.Should().Equal("a");
        run.Succeed("a");

        run.StatusOf("b").Should().Be(StepStatus.Skipped);
        run.Executed.Should().Equal("c");
    }

    [Fact]
    public void Decide_RecurringStep_RunsEveryIntervalUntilItsEnd()
    {
        var hourly = Action("health", at: "T+0") with { Every = TimeSpan.FromHours(1), Until = Time.TimeAnchor.Parse("T+3h") };
        var run = new RunHarness(Of(hourly), now: RunHarness.T0);
        run.Start();
        var occurrences = 0;

        for (var i = 0; i < 10 && run.State.Status == RunStatus.Running; i++)
        {
            run.Executed.Should().Equal("health");
            occurrences++;
            run.Succeed("health");
            if (run.Wake is { } wake)
            {
                run.At(wake);
            }
        }

        occurrences.Should().Be(4, "T+0, T+1h, T+2h and T+3h");
        run.State.Status.Should().Be(RunStatus.Succeeded);
    }

    [Fact]
    public void Decide_JournalFold_GivesTheSameStateAsTheDecisions()
    {
        var run = new RunHarness(Of(Action("a"), Action("b", at: "T+0"), Approval("go")));
        run.Start();
        run.Succeed("a");
        run.At(RunHarness.T0);
        run.Succeed("b");
        run.Approve("go", "U-RM1");

        var folded = RunState.Fold("run-1", run.State.Runbook, run.Journal);

        folded.Should().BeEquivalentTo(run.State);
    }
}
