using System.Net;
using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.WarRoom;

/// <summary>A failed step pauses the run; operators choose Retry / Skip / Roll back / Abort in the thread.</summary>
public sealed class FailureDecisionTests
{
    private static Task<WarRoomHost> Start() => WarRoomHost.StartAsync(
    [
        ScriptedStepAction.Succeeding("shell", "ok"),
        ScriptedStepAction.FailingFirst("http.check", 1, "GET /healthz", "503 Service Unavailable"),
    ]);

    [Fact]
    public async Task Interactions_RetryAfterAFailure_RunsTheStepAgainAndRecordsWhoChose()
    {
        await using var host = await Start();
        var run = await host.StartRunAsync(TestRunbooks.Migration);
        var decision = await WaitForDecisionAsync(host);

        decision.Buttons().Select(b => (b.ActionId, b.Confirm)).Should().Equal(
            (WarRoomActionIds.Retry, false), (WarRoomActionIds.Skip, false), (WarRoomActionIds.Rollback, true), (WarRoomActionIds.Abort, true));
        var failure = host.Slack.Messages.Single(m => m.ThreadTs == decision.ThreadTs && m.AllText().Contains("migrate` failed (attempt 1)"));
        failure.AllText().Should().Contain("503 Service Unavailable", "the thread quotes the end of the attempt's log");

        var (response, url, _) = await host.ClickAsync(decision, WarRoomActionIds.Retry, "U0AAA");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.WaitForResponseAsync(url)).Text.Should().Contain("will be tried again");
        var end = await host.WaitForRunAsync(run.RunId, s => s.IsTerminal);
        end.Status.Should().Be(RunStatus.Succeeded);
        end.Step("migrate").Attempts.Should().Be(2);
        var settled = await host.WaitForMessageAsync(m => m.Ts == decision.Ts && m.AllText().Contains("<@U0AAA> chose *Retry*"));
        settled.Buttons().Should().BeEmpty();
    }

    [Fact]
    public async Task Interactions_RollbackAfterAFailure_UndoesCompletedStepsAndEndsRolledBack()
    {
        await using var host = await Start();
        var run = await host.StartRunAsync(TestRunbooks.Migration);
        var decision = await WaitForDecisionAsync(host);

        await host.ClickAsync(decision, WarRoomActionIds.Rollback, "U0OPS");

        var end = await host.WaitForRunAsync(run.RunId, s => s.IsTerminal);
        end.Status.Should().Be(RunStatus.RolledBack);
        end.Step("backup").Status.Should().Be(StepStatus.Compensated);
        await host.WaitForMessageAsync(m => m.Ts == decision.Ts && m.AllText().Contains("<@U0OPS> chose *Roll back*"));
        await host.WaitForMessageAsync(m => m.ThreadTs == decision.ThreadTs && m.AllText().Contains("Launch report"));
        var audit = await host.Audit.ListAsync(new AuditQuery { RunId = run.RunId, Actor = "U0OPS" });
        audit.Should().Contain(a => a.Action == "rollback" && a.Outcome == AuditOutcome.Allowed && a.Source == AuditSource.Slack);
    }

    [Fact]
    public async Task Interactions_RetryByUserInNoRole_IsRefusedPrivatelyAndAudited()
    {
        await using var host = await Start();
        var run = await host.StartRunAsync(TestRunbooks.Migration);
        var decision = await WaitForDecisionAsync(host);

        var (_, url, _) = await host.ClickAsync(decision, WarRoomActionIds.Retry, "U0STRANGER");

        (await host.WaitForResponseAsync(url)).Text.Should().Contain("U0STRANGER may not retry migration").And.Contain("ops");
        var audit = await host.Audit.ListAsync(new AuditQuery { RunId = run.RunId, Outcome = AuditOutcome.Denied });
        audit.Should().ContainSingle(a => a.Actor == "U0STRANGER" && a.Action == "retry" && a.StepId == "migrate");
        (await host.Engine.GetStateAsync(run.RunId))!.Status.Should().Be(RunStatus.Paused);
    }

    private static Task<FakeSlackMessage> WaitForDecisionAsync(WarRoomHost host) =>
        host.WaitForMessageAsync(m => m.HasButton(WarRoomActionIds.Retry));
}
