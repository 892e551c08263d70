using FluentAssertions;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.WarRoom;

/// <summary>Manual tasks are ticked off with a Done button, by the roles the runbook names.</summary>
public sealed class ManualTaskButtonTests
{
    [Fact]
    public async Task Interactions_DoneByALeadAfterARefusedOperator_TicksTheTaskOffAndTheRunGoesOn()
    {
        await using var host = await WarRoomHost.StartAsync([ScriptedStepAction.Succeeding("shell")]);
        var run = await host.StartRunAsync(TestRunbooks.Briefing);
        var task = await host.WaitForMessageAsync(m => m.HasButton(WarRoomActionIds.Done));
        task.AllText().Should().Contain("Team briefed in the war room").And.Contain("<@U0AAA>");

        var (_, refusedUrl, _) = await host.ClickAsync(task, WarRoomActionIds.Done, "U0OPS");
        (await host.WaitForResponseAsync(refusedUrl)).Text.Should().Contain("U0OPS may not tick off briefing");

        var (_, doneUrl, _) = await host.ClickAsync(task, WarRoomActionIds.Done, "U0BBB");

        (await host.WaitForResponseAsync(doneUrl)).Text.Should().Contain("You ticked off `briefing`");
        var end = await host.WaitForRunAsync(run.RunId, s => s.IsTerminal);
        end.Status.Should().Be(RunStatus.Succeeded);
        end.Step("briefing").DoneBy.Should().Be("U0BBB");
        var ticked = await host.WaitForMessageAsync(m => m.Ts == task.Ts && m.AllText().Contains("done by <@U0BBB>"));
        ticked.Buttons().Should().BeEmpty();
    }
}
