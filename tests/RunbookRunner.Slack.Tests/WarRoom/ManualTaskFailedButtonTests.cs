using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.WarRoom;

/// <summary>A manual task with <c>outcomes: [done, failed]</c> has a Failed button; clicking it fails the step and on_failure applies.</summary>
public sealed class ManualTaskFailedButtonTests
{
    [Fact]
    public async Task Interactions_FailedByALeadOnARollbackTask_RollsTheRunBack()
    {
        await using var host = await WarRoomHost.StartAsync([ScriptedStepAction.Succeeding("shell")]);
        var run = await host.StartRunAsync(TestRunbooks.QaRollback);
        var task = await host.WaitForMessageAsync(m => m.HasButton(WarRoomActionIds.Failed));
        task.Buttons().Should().ContainSingle(b => b.ActionId == WarRoomActionIds.Failed).Which.Confirm.Should().BeTrue("failing a task cannot be undone");
        task.HasButton(WarRoomActionIds.Done).Should().BeTrue();

        var (_, refusedUrl, _) = await host.ClickAsync(task, WarRoomActionIds.Failed, "U0OPS");
        (await host.WaitForResponseAsync(refusedUrl)).Text.Should().Contain("U0OPS may not mark qa-checkout failed");

        var (_, failedUrl, _) = await host.ClickAsync(task, WarRoomActionIds.Failed, "U0BBB");

        (await host.WaitForResponseAsync(failedUrl)).Text.Should().Contain("You marked `qa-checkout` failed");
        var end = await host.WaitForRunAsync(run.RunId, s => s.IsTerminal);
        end.Status.Should().Be(RunStatus.RolledBack);
        end.Step("qa-checkout").Status.Should().Be(StepStatus.Failed);
        end.Step("qa-checkout").Error.Should().Be("marked failed by U0BBB: marked Failed in Slack");
        end.Rollback!.Items.Should().ContainSingle(c => c.Item.StepId == "deploy").Which.Status.Should().Be(CompensationStatus.Succeeded);
        var closed = await host.WaitForMessageAsync(m => m.Ts == task.Ts && m.AllText().Contains("✖ marked failed by U0BBB: marked Failed in Slack"));
        closed.Buttons().Should().BeEmpty();
        var audit = await host.Audit.ListAsync(new AuditQuery { RunId = run.RunId });
        audit.Should().Contain(e => e.Actor == "U0BBB" && e.Action == "fail" && e.Outcome == AuditOutcome.Allowed && e.Source == AuditSource.Slack);
        audit.Should().Contain(e => e.Actor == "U0OPS" && e.Action == "fail" && e.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task Interactions_FailedOnATaskWithDefaultOnFailure_PausesTheRunOnTheStep()
    {
        await using var host = await WarRoomHost.StartAsync([ScriptedStepAction.Succeeding("shell")]);
        var run = await host.StartRunAsync(TestRunbooks.QaPause);
        var task = await host.WaitForMessageAsync(m => m.HasButton(WarRoomActionIds.Failed));

        await host.ClickAsync(task, WarRoomActionIds.Failed, "U0AAA");

        var paused = await host.WaitForRunAsync(run.RunId, s => s.Status == RunStatus.Paused);
        paused.PausedForStep.Should().Be("qa-checkout");
        paused.Step("qa-checkout").Status.Should().Be(StepStatus.Failed);
        paused.Step("deploy").Status.Should().Be(StepStatus.Succeeded);
    }

    [Fact]
    public async Task Render_ManualTaskWithoutFailedOutcome_HasNoFailedButton()
    {
        await using var host = await WarRoomHost.StartAsync([ScriptedStepAction.Succeeding("shell")]);
        await host.StartRunAsync(TestRunbooks.Briefing);

        var task = await host.WaitForMessageAsync(m => m.HasButton(WarRoomActionIds.Done));

        task.HasButton(WarRoomActionIds.Failed).Should().BeFalse();
    }
}
