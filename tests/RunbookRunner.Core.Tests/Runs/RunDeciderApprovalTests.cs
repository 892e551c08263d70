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

public class RunDeciderApprovalTests
{
    [Fact]
    public void Approve_TwoOfThreeRequired_NeedsTwoDistinctApprovers()
    {
        var run = new RunHarness(Of(Approval("go", required: 2), Action("deploy")));
        run.Start();
        run.LastEvents.OfType<ApprovalRequested>().Single().Eligible.Should().Equal("U-LEAD", "U-RM1", "U-RM2");

        run.Approve("go", "U-RM1");
        run.Approve("go", "U-RM1").IsRejected.Should().BeFalse("a double click counts once");
        run.LastEvents.Should().BeEmpty();
        run.StatusOf("go").Should().Be(StepStatus.AwaitingApproval);

        run.Approve("go", "U-RM2");

        run.StatusOf("go").Should().Be(StepStatus.Succeeded);
        run.Executed.Should().Equal("deploy");
    }

    [Fact]
    public void Approve_UserOutsideRoles_IsRefusedWithReason()
    {
        var run = new RunHarness(Of(Approval("go", 1, false, "release-managers", "product")));
        run.Start();

        var decision = run.Approve("go", "U-SRE");

        decision.Error!.Code.Should().Be(DecisionErrorCodes.NotAllowed);
        decision.Error.Message.Should().Contain("U-SRE").And.Contain("release-managers or product");
        decision.Error.IsPermissionDenial.Should().BeTrue();
        run.StatusOf("go").Should().Be(StepStatus.AwaitingApproval);
    }

    [Fact]
    public void Approve_ForbidSelfAndStarterApproves_IsRefused()
    {
        var run = new RunHarness(Of(Approval("go", 1, forbidSelf: true)), startedBy: "U-LEAD");
        run.Start();

        var decision = run.Approve("go", "U-LEAD");

        decision.Error!.Code.Should().Be(DecisionErrorCodes.SelfApproval);
        run.Approve("go", "U-RM1").IsRejected.Should().BeFalse();
        run.StatusOf("go").Should().Be(StepStatus.Succeeded);
    }

    [Fact]
    public void Approve_NothingPending_IsIllegal()
    {
        var run = new RunHarness(Of(Action("a"), Approval("go")));
        run.Start();

        run.Approve("go", "U-RM1").Error!.Code.Should().Be(DecisionErrorCodes.IllegalState);
    }

    [Fact]
    public void Approve_AfterFullyApproved_SaysAlreadyDecided()
    {
        var run = new RunHarness(Of(Approval("go"), Action("x")));
        run.Start();
        run.Approve("go", "U-RM1");

        run.Approve("go", "U-RM2").Error!.Code.Should().Be(DecisionErrorCodes.AlreadyDecided);
    }

    [Fact]
    public void Approval_EscalatesThenTimesOutWithAbort()
    {
        var go = Approval("go") with
        {
            Approval = new ApprovalSpec
            {
                Roles = ["release-managers"],
                Timeout = TimeSpan.FromMinutes(30),
                EscalateAfter = TimeSpan.FromMinutes(10),
                EscalateTo = ["product"],
                OnTimeout = TimeoutPolicy.Abort,
            },
        };
        var run = new RunHarness(Of(go));
        run.Start();
        run.Wake.Should().Be(run.Now + TimeSpan.FromMinutes(10));

        run.After(TimeSpan.FromMinutes(10));
        run.LastEvents.OfType<ApprovalEscalated>().Single().Users.Should().Equal("U-PM");
        run.Wake.Should().Be(run.Now + TimeSpan.FromMinutes(20));

        run.After(TimeSpan.FromMinutes(20));

        run.LastEvents.OfType<ApprovalTimedOut>().Should().ContainSingle();
        run.State.Status.Should().Be(RunStatus.Aborted);
    }

    [Fact]
    public void Approval_TimeoutWithPause_PausesButStaysApprovable()
    {
        var go = Approval("go") with { Approval = new ApprovalSpec { Roles = ["release-managers"], Timeout = TimeSpan.FromMinutes(5) } };
        var run = new RunHarness(Of(go, Action("deploy")));
        run.Start();

        run.After(TimeSpan.FromMinutes(5));
        run.State.Status.Should().Be(RunStatus.Paused);
        run.Approve("go", "U-RM1");
        run.Executed.Should().BeEmpty("a paused run starts nothing");
        run.Send(new ResumeRun(new("U-LEAD", "web")));

        run.Executed.Should().Equal("deploy");
    }

    [Fact]
    public void Reject_AppliesTheStepsFailurePolicy()
    {
        var run = new RunHarness(Of(Approval("go") with { OnFailure = FailurePolicy.Abort }, Action("deploy")));
        run.Start();

        run.Send(new Reject("go", new Actor("U-RM1", "slack"), "P1 open"));

        run.StatusOf("go").Should().Be(StepStatus.Failed);
        run.State.Step("go").Error.Should().Contain("rejected by U-RM1: P1 open");
        run.State.Status.Should().Be(RunStatus.Failed);
    }

    [Fact]
    public void Approve_GatesPendingOrFailing_IsRefusedUntilTheyPass()
    {
        var go = Approval("go") with { Gates = [Call("github.open_issues")] };
        var run = new RunHarness(Of(go, Action("deploy")));
        run.Start();
        run.Commands.OfType<EvaluateGates>().Single().StepId.Should().Be("go");

        run.Approve("go", "U-RM1").Error!.Code.Should().Be(DecisionErrorCodes.GatesPending);
        run.Send(new GatesChecked("go", [new GateResult("github.open_issues", false, "2 open P0/P1 issues")]));
        run.Approve("go", "U-RM1").Error!.Message.Should().Contain("2 open P0/P1 issues");

        run.After(RunDecider.GateRecheckInterval);
        run.Commands.OfType<EvaluateGates>().Should().ContainSingle("failing gates are checked again");
        run.Send(new GatesChecked("go", [new GateResult("github.open_issues", true, "0 open P0/P1 issues")]));
        run.Approve("go", "U-RM1").IsRejected.Should().BeFalse();

        run.Executed.Should().Equal("deploy");
    }

    [Fact]
    public void ActionStepWithApproval_AsksFirstThenRuns()
    {
        var deploy = Action("deploy") with { Approval = new ApprovalSpec { Roles = ["sre"] } };
        var run = new RunHarness(Of(deploy));
        run.Start();
        run.StatusOf("deploy").Should().Be(StepStatus.AwaitingApproval);
        run.Executed.Should().BeEmpty();

        run.Approve("deploy", "U-SRE");

        run.Executed.Should().Equal("deploy");
    }

    [Fact]
    public void ManualTask_OnlyItsRolesCanTickItOff()
    {
        var briefing = new Step { Id = "briefing", Kind = StepKind.Manual, Manual = new ManualSpec { Title = "Team briefed", Roles = ["release-managers"] } };
        var run = new RunHarness(Of(briefing, Action("deploy")));
        run.Start();
        run.StatusOf("briefing").Should().Be(StepStatus.AwaitingApproval);

        run.Send(new CompleteManual("briefing", new Actor("U-PM", "slack"))).Error!.Code.Should().Be(DecisionErrorCodes.NotAllowed);
        run.Send(new CompleteManual("briefing", new Actor("U-RM2", "slack")));

        run.State.Step("briefing").DoneBy.Should().Be("U-RM2");
        run.Executed.Should().Equal("deploy");
    }
}
