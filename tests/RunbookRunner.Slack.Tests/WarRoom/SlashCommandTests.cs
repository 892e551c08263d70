using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.WarRoom;

/// <summary><c>/runbook</c> answered at once, with the work's result through the response URL.</summary>
public sealed class SlashCommandTests
{
    private static Task<WarRoomHost> Start() => WarRoomHost.StartAsync(
        [ScriptedStepAction.Succeeding("github.open_issues", "0 open P0/P1 issues"), ScriptedStepAction.Succeeding("shell")],
        new Dictionary<string, string> { ["go-live"] = TestRunbooks.GoLive });

    [Fact]
    public async Task Commands_StartStatusPause_StartTheRunReportItAndPauseIt()
    {
        await using var host = await Start();

        var startUrl = host.Slack.CreateResponseUrl();
        var ack = await host.PostCommandAsync("U0OPS", "start go-live +2h", startUrl);
        ack.StatusCode.Should().Be(HttpStatusCode.OK);
        var ackBody = JsonDocument.Parse(await ack.Content.ReadAsStringAsync()).RootElement;
        ackBody.GetProperty("response_type").GetString().Should().Be("ephemeral");
        ackBody.GetProperty("text").GetString().Should().Contain("Starting `go-live`");
        var started = await host.WaitForResponseAsync(startUrl);
        started.ResponseType.Should().Be("in_channel", "the war room sees who started what");
        started.Text.Should().Contain("<@U0OPS> started *Go live*");
        var runs = await host.Services.GetRequiredService<IRunStore>().ListRunsAsync(new RunQuery { Unfinished = true });
        var run = runs.Items.Should().ContainSingle().Subject;
        run.StartedBy.Should().Be("U0OPS");
        (run.T0 - TimeProvider.System.GetUtcNow()).Should().BeCloseTo(TimeSpan.FromHours(2), TimeSpan.FromMinutes(1));

        var statusUrl = host.Slack.CreateResponseUrl();
        await host.PostCommandAsync("U0OPS", $"status {run.Id}", statusUrl);
        var status = await host.WaitForResponseAsync(statusUrl);
        status.ResponseType.Should().Be("ephemeral");
        status.AllText().Should().Contain("Go live").And.Contain("go-no-go").And.Contain("0/2");

        var pauseUrl = host.Slack.CreateResponseUrl();
        await host.PostCommandAsync("U0AAA", "pause go-live", pauseUrl);
        (await host.WaitForResponseAsync(pauseUrl)).Text.Should().Contain("<@U0AAA> ⏸ paused *Go live*");
        (await host.Engine.GetStateAsync(run.Id))!.Status.Should().Be(RunStatus.Paused);
        var audit = await host.Audit.ListAsync(new AuditQuery { RunId = run.Id });
        audit.Select(a => (a.Actor, a.Action, a.Outcome)).Should().Contain([("U0OPS", "start", AuditOutcome.Allowed), ("U0AAA", "pause", AuditOutcome.Allowed)]);
    }

    [Fact]
    public async Task Commands_StartByUserInNoRole_IsRefusedAndAudited()
    {
        await using var host = await Start();
        var url = host.Slack.CreateResponseUrl();

        await host.PostCommandAsync("U0STRANGER", "start go-live", url);

        var refusal = await host.WaitForResponseAsync(url);
        refusal.ResponseType.Should().Be("ephemeral");
        refusal.Text.Should().Contain("U0STRANGER may not start go-live").And.Contain("leads, ops");
        (await host.Services.GetRequiredService<IRunStore>().ListRunsAsync(new RunQuery())).Items.Should().BeEmpty();
        var audit = await host.Audit.ListAsync(new AuditQuery { Actor = "U0STRANGER" });
        audit.Should().ContainSingle(a => a.Action == "start" && a.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task Commands_UnknownRunbookOrSubcommand_ExplainWhatExists()
    {
        await using var host = await Start();
        var url = host.Slack.CreateResponseUrl();

        var help = await host.PostCommandAsync("U0OPS", "launch", url);
        await host.PostCommandAsync("U0OPS", "start nope", url);

        (await help.Content.ReadAsStringAsync()).Should().Contain("Unknown command").And.Contain("/runbook start");
        (await host.WaitForResponseAsync(url)).Text.Should().Contain("No runbook named `nope`").And.Contain("`go-live`");
    }
}
