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

/// <summary>A manual task with <c>outcomes: [done, failed]</c> marked failed: the step fails and on_failure applies.</summary>
public class RunDeciderManualFailureTests
{
    private static Step Qa(FailurePolicy? onFailure = null, bool canFail = true, IReadOnlyList<string>? roles = null) => new()
    {
        Id = "qa",
        Kind = StepKind.Manual,
        After = ["deploy"],
        OnFailure = onFailure,
        Manual = new ManualSpec
        {
            Title = "Checkout works",
            Roles = roles ?? ["release-managers"],
            Outcomes = canFail ? [ManualOutcome.Done, ManualOutcome.Failed] : [ManualOutcome.Done],
        },
    };

    private static RunHarness WaitingOn(Step qa)
    {
        var run = new RunHarness(Of(Action("deploy").WithUndo(), qa, Action("announce", after: ["qa"])));
        run.Start();
        run.Succeed("deploy");
        run.StatusOf("qa").Should().Be(StepStatus.AwaitingApproval);
        return run;
    }

    [Fact]
    public void FailManual_OnFailureRollback_FailsTheStepAndUndoesCompletedSteps()
    {
        var run = WaitingOn(Qa(FailurePolicy.Rollback));

        var decision = run.Send(new FailManual("qa", new Actor("U-RM1", "slack"), "checkout returns 500"));

        decision.Error.Should().BeNull();
        var failed = decision.Events.OfType<StepFailed>().Single();
        failed.Error.Should().Be("marked failed by U-RM1: checkout returns 500");
        failed.Attempt.Should().Be(1);
        (failed.By, failed.Source).Should().Be(("U-RM1", "slack"), "the report names who marked it failed");
        decision.Events.OfType<RollbackStarted>().Single().Reason.Should().Contain("step qa failed: marked failed by U-RM1");
        run.StatusOf("qa").Should().Be(StepStatus.Failed);
        run.State.Status.Should().Be(RunStatus.RollingBack);
        run.Commands.OfType<ExecuteCompensation>().Single().StepId.Should().Be("deploy");
        run.Executed.Should().NotContain("announce");
    }

    [Fact]
    public void FailManual_DefaultOnFailure_PausesOnTheStepAndRetryAsksAgain()
    {
        var run = WaitingOn(Qa());

        run.Send(new FailManual("qa", new Actor("U-RM2", "web"), "  login broken  "));

        run.State.Status.Should().Be(RunStatus.Paused);
        run.State.PausedForStep.Should().Be("qa");
        run.State.Step("qa").Error.Should().Be("marked failed by U-RM2: login broken");

        run.Send(new RetryStep("qa", new Actor("U-RM2", "web")));

        run.StatusOf("qa").Should().Be(StepStatus.AwaitingApproval, "a retried manual task waits for a person again");
        run.Send(new CompleteManual("qa", new Actor("U-RM2", "web"))).Error.Should().BeNull();
        run.Executed.Should().Equal("announce");
    }

    [Theory]
    [InlineData(FailurePolicy.Abort, RunStatus.Failed)]
    [InlineData(FailurePolicy.Continue, RunStatus.Running)]
    public void FailManual_OtherPolicies_AbortOrContinue(FailurePolicy policy, RunStatus expected)
    {
        var run = WaitingOn(Qa(policy));

        run.Send(new FailManual("qa", new Actor("U-LEAD", "cli"), "broken"));

        run.State.Status.Should().Be(expected);
        run.StatusOf("qa").Should().Be(StepStatus.Failed);
        if (policy == FailurePolicy.Continue)
        {
            run.State.Step("qa").FailureTolerated.Should().BeTrue();
        }
    }

    [Fact]
    public void FailManual_NoReason_SaysSo()
    {
        var run = WaitingOn(Qa());

        run.Send(new FailManual("qa", new Actor("U-RM1", "api"), " "));

        run.State.Step("qa").Error.Should().Be("marked failed by U-RM1: no reason given");
    }

    [Fact]
    public void FailManual_OutcomesDoneOnly_IsRefusedAsIllegal()
    {
        var run = WaitingOn(Qa(canFail: false));

        var decision = run.Send(new FailManual("qa", new Actor("U-RM1", "slack"), "broken"));

        decision.Error!.Code.Should().Be(DecisionErrorCodes.IllegalState);
        decision.Error.Message.Should().Contain("outcomes: [done, failed]");
        decision.Events.Should().BeEmpty();
        run.StatusOf("qa").Should().Be(StepStatus.AwaitingApproval);
    }

    [Fact]
    public void FailManual_PersonWithoutTheRole_IsRefusedAsNotAllowed()
    {
        var run = WaitingOn(Qa());

        var decision = run.Send(new FailManual("qa", new Actor("U-PM", "slack"), "broken"));

        decision.Error!.Code.Should().Be(DecisionErrorCodes.NotAllowed);
        decision.Error.IsPermissionDenial.Should().BeTrue("refusals of people are audited as denied");
        decision.Error.Message.Should().Be("U-PM may not mark qa failed: only release-managers may");
        run.StatusOf("qa").Should().Be(StepStatus.AwaitingApproval);
    }

    [Fact]
    public void FailManual_TaskWithoutRoles_AnyoneMay()
    {
        var run = WaitingOn(Qa(roles: []));

        run.Send(new FailManual("qa", new Actor("U-PM", "slack"), "broken")).Error.Should().BeNull();

        run.StatusOf("qa").Should().Be(StepStatus.Failed);
    }

    [Fact]
    public void FailManual_TaskNotYetWaiting_IsRefusedAsIllegal()
    {
        var run = new RunHarness(Of(Action("deploy"), Qa()));
        run.Start();

        var decision = run.Send(new FailManual("qa", new Actor("U-RM1", "slack"), "broken"));

        decision.Error!.Code.Should().Be(DecisionErrorCodes.IllegalState);
        decision.Error.Message.Should().Contain("qa is pending; only a waiting manual task can be marked failed");
    }

    [Fact]
    public void FailManual_TaskAlreadyDone_IsRefusedAsIllegal()
    {
        var run = WaitingOn(Qa());
        run.Send(new CompleteManual("qa", new Actor("U-RM1", "slack")));

        run.Send(new FailManual("qa", new Actor("U-RM1", "slack"), "too late")).Error!.Code.Should().Be(DecisionErrorCodes.IllegalState);
    }

    [Fact]
    public void FailManual_ActionStep_IsRefusedAsIllegal()
    {
        var run = WaitingOn(Qa());

        var decision = run.Send(new FailManual("deploy", new Actor("U-RM1", "slack"), "broken"));

        decision.Error!.Code.Should().Be(DecisionErrorCodes.IllegalState);
        decision.Error.Message.Should().Contain("not a manual task");
    }

    [Fact]
    public void FailManual_UnknownStep_IsRefused()
    {
        var run = WaitingOn(Qa());

        run.Send(new FailManual("nope", new Actor("U-RM1", "slack"), "broken")).Error!.Code.Should().Be(DecisionErrorCodes.UnknownStep);
    }
}
