using System.Net;
using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.Security;

/// <summary>
/// Every war-room action from Slack, by someone allowed and by someone not: the allowed click is recorded, the
/// refused one changes nothing, is answered privately and is audited (source slack, outcome denied).
/// Leads approve and tick off the lead-only task; anyone in a runbook role operates; strangers do nothing.
/// </summary>
public sealed class SlackActionRoleMatrixTests
{
    public static TheoryData<string, string, bool> Buttons => new()
    {
        { WarRoomActionIds.Approve, "U0AAA", true },
        { WarRoomActionIds.Approve, "U0OPS", false },
        { WarRoomActionIds.Approve, "U0STRANGER", false },
        { WarRoomActionIds.Reject, "U0STRANGER", false },
        { WarRoomActionIds.Done, "U0AAA", true },
        { WarRoomActionIds.Done, "U0OPS", false },
        { WarRoomActionIds.Failed, "U0AAA", true },
        { WarRoomActionIds.Failed, "U0OPS", false },
        { WarRoomActionIds.Retry, "U0OPS", true },
        { WarRoomActionIds.Retry, "U0STRANGER", false },
        { WarRoomActionIds.Skip, "U0OPS", true },
        { WarRoomActionIds.Skip, "U0STRANGER", false },
        { WarRoomActionIds.MarkDone, "U0OPS", true },
        { WarRoomActionIds.MarkDone, "U0STRANGER", false },
        { WarRoomActionIds.Rollback, "U0OPS", true },
        { WarRoomActionIds.Rollback, "U0STRANGER", false },
        { WarRoomActionIds.Abort, "U0OPS", true },
        { WarRoomActionIds.Abort, "U0STRANGER", false },
    };

    public static TheoryData<string, string, bool> Commands => new()
    {
        { "pause", "U0OPS", true },
        { "pause", "U0STRANGER", false },
        { "abort", "U0AAA", true },
        { "abort", "U0STRANGER", false },
    };

    [Theory]
    [MemberData(nameof(Buttons))]
    public async Task Interactions_EveryButtonByRole_RecordedOrRefusedAndAudited(string actionId, string user, bool allowed)
    {
        await using var host = await WarRoomHost.StartAsync(
        [
            ScriptedStepAction.Succeeding("github.open_issues", "0 open P0/P1 issues"),
            ScriptedStepAction.Succeeding("shell", "ok"),
            ScriptedStepAction.FailingFirst("http.check", 1, "503 Service Unavailable"),
        ]);
        var (runbook, button) = actionId switch
        {
            WarRoomActionIds.Approve or WarRoomActionIds.Reject => (TestRunbooks.GoLive, WarRoomActionIds.Approve),
            WarRoomActionIds.Done => (TestRunbooks.Briefing, WarRoomActionIds.Done),
            WarRoomActionIds.Failed => (TestRunbooks.QaRollback, WarRoomActionIds.Failed),
            _ => (TestRunbooks.Migration, WarRoomActionIds.Retry),
        };
        var run = await host.StartRunAsync(runbook);
        var message = await host.WaitForMessageAsync(m => m.HasButton(button) && (button != WarRoomActionIds.Approve || m.AllText().Contains("0 open P0/P1 issues")));
        var action = AuditAction(actionId);
        var before = await host.Engine.GetStateAsync(run.RunId);

        // Mark done is offered for interrupted steps; its value is the same run/step pair as Retry's.
        var responseUrl = host.Slack.CreateResponseUrl();
        var payload = SlackPayloads.BlockAction(user, actionId, message.ButtonValue(button)!, message.Channel, message.Ts, message.ThreadTs, responseUrl, host.NextActionTs());
        var response = await host.PostInteractionAsync(payload);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "Slack gets its acknowledgement either way");
        if (allowed)
        {
            var entry = await WaitForAuditAsync(host, run.RunId, user, action);
            entry.Outcome.Should().Be(AuditOutcome.Allowed);
            entry.Source.Should().Be(AuditSource.Slack);
        }
        else
        {
            var reply = await host.WaitForResponseAsync(responseUrl);
            reply.ResponseType.Should().Be("ephemeral", "only the person who clicked sees the refusal");
            reply.Text.Should().Contain("⛔");
            var entry = await WaitForAuditAsync(host, run.RunId, user, action);
            entry.Outcome.Should().Be(AuditOutcome.Denied);
            entry.Source.Should().Be(AuditSource.Slack);
            var after = await host.Engine.GetStateAsync(run.RunId);
            after!.Version.Should().Be(before!.Version, "a refused click changes nothing in the run");
            host.Slack.Views.Should().BeEmpty("a refused reject opens no reason dialog");
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Commands_PauseAndAbortByRole_RecordedOrRefusedAndAudited(string command, string user, bool allowed)
    {
        await using var host = await WarRoomHost.StartAsync(
            [ScriptedStepAction.Succeeding("github.open_issues", "0 open P0/P1 issues"), ScriptedStepAction.Succeeding("shell")],
            new Dictionary<string, string> { ["go-live"] = TestRunbooks.GoLive });
        var run = await host.StartRunAsync(TestRunbooks.GoLive);
        await host.WaitForMessageAsync(m => m.HasButton(WarRoomActionIds.Approve));
        var url = host.Slack.CreateResponseUrl();

        var ack = await host.PostCommandAsync(user, $"{command} go-live", url);

        ack.StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = await WaitForAuditAsync(host, run.RunId, user, command);
        entry.Outcome.Should().Be(allowed ? AuditOutcome.Allowed : AuditOutcome.Denied);
        var state = await host.Engine.GetStateAsync(run.RunId);
        state!.IsTerminal.Should().Be(allowed && command == "abort");
        if (!allowed)
        {
            (await host.WaitForResponseAsync(url)).Text.Should().Contain($"{user} may not {command}");
        }
    }

    private static string AuditAction(string actionId) => actionId switch
    {
        WarRoomActionIds.Approve => "approve",
        WarRoomActionIds.Reject => "reject",
        WarRoomActionIds.Retry => "retry",
        WarRoomActionIds.Skip => "skip",
        WarRoomActionIds.Rollback => "rollback",
        WarRoomActionIds.Abort => "abort",
        WarRoomActionIds.Failed => "fail",
        _ => "done",
    };

    private static async Task<AuditEntry> WaitForAuditAsync(WarRoomHost host, string runId, string actor, string action)
    {
        AuditEntry? found = null;
        using var timeout = new CancellationTokenSource(WarRoomHost.Deadline);
        while (found is null)
        {
            found = (await host.Audit.ListAsync(new AuditQuery { RunId = runId, Actor = actor }, timeout.Token)).FirstOrDefault(a => a.Action == action);
            if (found is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, timeout.Token);
            }
        }

        return found;
    }
}
