using FluentAssertions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Deciding;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using Xunit;
using static RunbookRunner.Core.Tests.Runs.TestRunbooks;

namespace RunbookRunner.Core.Tests.Runs;

public class RunDeciderControlTests
{
    private static readonly Actor Lead = new("U-LEAD", "cli");

    [Fact]
    public void Pause_StopsNewStepsAndResumeContinues()
    {
        var run = new RunHarness(Of(Action("a"), Action("b")));
        run.Start();

        run.Send(new PauseRun(Lead));
        run.Succeed("a");
        run.Executed.Should().BeEmpty();
        run.Send(new ResumeRun(Lead));

        run.Executed.Should().Equal("b");
    }

    [Theory]
    [InlineData("pause-twice")]
    [InlineData("resume-running")]
    [InlineData("start-twice")]
    [InlineData("retry-running")]
    [InlineData("skip-running")]
    public void Decide_IllegalTransition_IsRefusedAndChangesNothing(string scenario)
    {
        var run = new RunHarness(Of(Action("a"), Action("b")));
        run.Start();
        if (scenario == "pause-twice")
        {
            run.Send(new PauseRun(Lead));
        }

        var before = run.State;
        RunInput input = scenario switch
        {
            "pause-twice" => new PauseRun(Lead),
            "resume-running" => new ResumeRun(Lead),
            "start-twice" => new StartRun(Lead),
            "retry-running" => new RetryStep("a", Lead),
            _ => new SkipStep("a", Lead),
        };

        var decision = run.Send(input);

        decision.Error!.Code.Should().Be(DecisionErrorCodes.IllegalState);
        decision.Events.Should().BeEmpty();
        run.State.Should().BeSameAs(before);
    }

    [Fact]
    public void Skip_WaitingStep_LetsDependentsRun()
    {
        var run = new RunHarness(Of(Action("a", at: "T+1h"), Action("b")));
        run.Start();

        run.Send(new SkipStep("a", Lead));

        run.StatusOf("a").Should().Be(StepStatus.Skipped);
        run.Executed.Should().Equal("b");
    }

    [Fact]
    public void Skip_FailedStepThatPausedTheRun_ResumesIt()
    {
        var run = new RunHarness(Of(Action("a"), Action("b")));
        run.Start();
        run.Fail("a");

        run.Send(new SkipStep("a", Lead));

        run.State.Status.Should().Be(RunStatus.Running);
        run.Executed.Should().Equal("b");
    }

    [Fact]
    public void Abort_EndsTheRunAndLaterCommandsAreRefused()
    {
        var run = new RunHarness(Of(Action("a"), Action("b")));
        run.Start();

        run.Send(new AbortRun(Lead, "customer asked"));

        run.State.Status.Should().Be(RunStatus.Aborted);
        run.Commands.OfType<CancelSteps>().Single().StepIds.Should().Equal("a");
        run.Send(new PauseRun(Lead)).Error!.Message.Should().Contain("aborted");
        run.Succeed("a").IsRejected.Should().BeFalse("late results are ignored, not errors");
        run.LastEvents.Should().BeEmpty();
    }

    [Fact]
    public void Recover_NonIdempotentStepWasRunning_IsInterruptedAndPauses()
    {
        var migrate = Action("migrate", type: "shell") with { Idempotent = false };
        var run = new RunHarness(Of(migrate, Action("deploy")));
        run.Start();

        run.Send(new Recover());

        run.StatusOf("migrate").Should().Be(StepStatus.Interrupted);
        run.State.Status.Should().Be(RunStatus.Paused);
        run.Executed.Should().BeEmpty("nothing is re-run blindly");

        run.Send(new CompleteManual("migrate", new Actor("U-RM1", "slack")));

        run.StatusOf("migrate").Should().Be(StepStatus.Succeeded);
        run.State.Status.Should().Be(RunStatus.Running);
        run.Executed.Should().Equal("deploy");
    }

    [Fact]
    public void Recover_IdempotentStepWasRunning_RunsTheSameAttemptAgain()
    {
        var run = new RunHarness(Of(Action("check") with { Idempotent = true }));
        run.Start();

        run.Send(new Recover());

        run.LastEvents.OfType<StepStarted>().Single().Attempt.Should().Be(1);
        run.Commands.OfType<ExecuteStep>().Single().Attempt.Should().Be(1, "the same idempotency key is reused");
    }

    [Fact]
    public void Retry_InterruptedStep_StartsANewAttempt()
    {
        var run = new RunHarness(Of(Action("migrate") with { Idempotent = false }));
        run.Start();
        run.Send(new Recover());

        run.Send(new RetryStep("migrate", Lead));

        run.Commands.OfType<ExecuteStep>().Single().Attempt.Should().Be(2);
        run.LastEvents.OfType<RunResumed>().Should().ContainSingle();
    }

    [Fact]
    public void Recover_OnlyOrphanedSteps_LeavesStepsOfLiveNodesAlone()
    {
        var run = new RunHarness(Of(Action("a") with { Idempotent = false }, Action("b", after: []) with { Idempotent = false }));
        run.Start();

        run.Send(new Recover(["b"]));

        run.StatusOf("a").Should().Be(StepStatus.Running);
        run.StatusOf("b").Should().Be(StepStatus.Interrupted);
    }

    [Fact]
    public void Recover_AttemptStartedSinceTheNodeRestarted_IsLeftAlone()
    {
        var run = new RunHarness(Of(Action("a") with { Idempotent = true }, Action("b", after: []) with { Idempotent = false }));
        run.Start();

        // The restarted node's life began at Now: both attempts started then, so neither belongs to a previous life.
        run.Send(new Recover(["a", "b"]) { StartedBefore = run.Now });

        run.StatusOf("a").Should().Be(StepStatus.Running);
        run.StatusOf("b").Should().Be(StepStatus.Running);
        run.LastEvents.Should().BeEmpty("nothing is started twice or interrupted by mistake");

        run.Send(new Recover(["a", "b"]) { StartedBefore = run.Now.AddTicks(1) });

        run.LastEvents.OfType<StepStarted>().Should().ContainSingle(e => e.StepId == "a");
        run.StatusOf("b").Should().Be(StepStatus.Interrupted);
    }

    [Fact]
    public void Recover_FromAnotherNodeThanTheOneRunningTheStep_IsLeftAlone()
    {
        var run = new RunHarness(Of(Action("a") with { Idempotent = true }));
        run.Start();

        run.Send(new Recover(["a"]) { FromNode = "node-b" });

        run.LastEvents.Should().BeEmpty("the attempt is not the dead node's: another node already took it over");
        run.StatusOf("a").Should().Be(StepStatus.Running);
    }
}
