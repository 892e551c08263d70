using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Messages;
using Xunit;

namespace RunbookRunner.Slack.Tests.Messages;

/// <summary>The war-room messages rendered from folded run states.</summary>
public sealed class WarRoomMessageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private const string Timed = """
        name: timed
        title: Timed launch
        timezone: Europe/London
        channel: C0WARROOM
        roles: { leads: [U0AAA, U0BBB], sre: [U0SRE] }
        steps:
          - id: prep
            action: shell
            with: { run: "./prep.sh" }
          - id: deploy
            at: T-1h
            action: shell
            with: { run: "./deploy.sh" }
            undo: { action: shell, with: { run: "./undeploy.sh" } }
          - id: cutover
            at: T+0
            action: shell
            with: { run: "./cutover.sh" }
          - id: go
            approval: { roles: [leads], required: 2, forbid_self: true, escalate_after: 10m, escalate_to: [sre], timeout: 30m }
        """;

    [Fact]
    public void StatusMessage_DependencyFinishedLate_ShowsLatenessAndForecastOfNextTimedStep()
    {
        var state = Fold(Timed,
            new RunCreated("timed", T0, null, "U0AAA", Rehearsal: true) { At = At(15, 0) },
            new RunStarted { At = At(15, 0) },
            new StepStarted("prep", 1) { At = At(15, 0) },
            new StepSucceeded("prep", 1, "prepared", new Dictionary<string, string>()) { At = At(17, 20) },
            new StepStarted("deploy", 1, At(17, 0)) { At = At(17, 20) });

        var message = StatusMessage.Render(state, RunTimeline.Of(state, At(18, 10)), At(18, 10));

        var text = AllText(message);
        text.Should().Contain("REHEARSAL").And.Contain("Timed launch").And.Contain("1/4");
        text.Should().Contain("20m behind plan", "deploy started 20 minutes after its anchor");
        text.Should().Contain("`deploy` running for 50m");
        text.Should().Contain("`cutover` at T+0 → 18:10:00 (T+10m) (10m late)", "the next timed step is forecast from now");
    }

    [Fact]
    public void ApprovalMessage_EscalatedWithOneGrant_NamesTheEscalationRoleAndTheSelfApprovalRule()
    {
        var state = Fold(Timed,
            new RunCreated("timed", T0, null, "U0AAA", Rehearsal: false) { At = At(15, 0) },
            new RunStarted { At = At(15, 0) },
            new ApprovalRequested("go", ["U0AAA", "U0BBB"], 2, At(15, 30), At(15, 10)) { At = At(15, 0) },
            new ApprovalGranted("go", "U0BBB", "slack") { At = At(15, 5) },
            new ApprovalEscalated("go", ["sre"], ["U0SRE"]) { At = At(15, 10) });

        var message = ApprovalMessage.Render(state, "go");

        var text = AllText(message);
        text.Should().Contain("1 of 2").And.Contain("1 more needed");
        text.Should().Contain("<@U0BBB> approved at 15:05:00 (T-2h55m)");
        text.Should().Contain("escalated to sre: <@U0SRE>");
        text.Should().Contain("<@U0AAA> started the run and may not approve it");
        text.Should().Contain("Deadline").And.Contain("15:30:00 (T-2h30m)");
        Buttons(message).Should().Equal(WarRoomActionIds.Approve, WarRoomActionIds.Reject);
    }

    [Fact]
    public void ApprovalMessage_CountsPerRole_ShowsProgressAndWhoIsStillNeededPerRole()
    {
        const string yaml = """
            name: quorum
            roles: { leads: [U0AAA, U0BBB], product: [U0PPP] }
            steps:
              - id: go
                approval: { roles: [leads, product], required: { leads: 1, product: 1 }, timeout: 30m }
            """;
        var state = Fold(yaml,
            new RunCreated("quorum", T0, null, "U0SRE", Rehearsal: false) { At = At(15, 0) },
            new RunStarted { At = At(15, 0) },
            new ApprovalRequested("go", ["U0AAA", "U0BBB", "U0PPP"], 2, At(15, 30), null)
            {
                At = At(15, 0),
                Quotas = [new RoleQuota("leads", 1, ["U0AAA", "U0BBB"]), new RoleQuota("product", 1, ["U0PPP"])],
            },
            new ApprovalGranted("go", "U0BBB", "slack") { At = At(15, 5) });

        var approval = AllText(ApprovalMessage.Render(state, "go"));
        var status = AllText(StatusMessage.Render(state, RunTimeline.Of(state, At(15, 6)), At(15, 6)));

        approval.Should().Contain("Approval needed: step go (leads 1/1, product 0/1)");
        approval.Should().Contain("leads 1/1, product 0/1 · 1 more needed");
        approval.Should().Contain("✓ leads 1/1: <@U0AAA>, <@U0BBB>").And.Contain("• product 0/1: <@U0PPP>");
        status.Should().Contain("`go` awaiting approval (leads 1/1, product 0/1)");
    }

    [Fact]
    public void ApprovalMessage_RunAbortedWhileOpen_ShowsItClosedWithoutButtons()
    {
        var state = Fold(Timed,
            new RunCreated("timed", T0, null, "U0AAA", Rehearsal: false) { At = At(15, 0) },
            new RunStarted { At = At(15, 0) },
            new ApprovalRequested("go", ["U0AAA", "U0BBB"], 2, null, null) { At = At(15, 0) },
            new RunAborted("aborted by U0SRE", "U0SRE", "slack") { At = At(15, 1) });

        var message = ApprovalMessage.Render(state, "go");

        Buttons(message).Should().BeEmpty();
        AllText(message).Should().Contain("No longer needed: the run is aborted.");
    }

    [Fact]
    public void DecisionMessage_InterruptedStep_OffersRetryMarkDoneRollbackAbort()
    {
        var state = Fold(Timed,
            new RunCreated("timed", T0, null, "U0AAA", Rehearsal: false) { At = At(15, 0) },
            new RunStarted { At = At(15, 0) },
            new StepStarted("prep", 1) { At = At(15, 0) },
            new StepInterrupted("prep", 1) { At = At(15, 2) },
            new RunPaused("step prep was interrupted", StepId: "prep") { At = At(15, 2) });

        var message = DecisionMessage.Render(state, "prep", "⏸ *Decision needed*", null);

        Buttons(message).Should().Equal(WarRoomActionIds.Retry, WarRoomActionIds.MarkDone, WarRoomActionIds.Rollback, WarRoomActionIds.Abort);
        DecisionMessage.IsOpen(state, "prep").Should().BeTrue();
    }

    [Fact]
    public void DecisionMessage_UndoFailedDuringRollback_OffersRetrySkipAbortOnly()
    {
        var state = Fold(Timed,
            new RunCreated("timed", T0, null, "U0AAA", Rehearsal: false) { At = At(15, 0) },
            new RunStarted { At = At(15, 0) },
            new StepStarted("prep", 1) { At = At(15, 0) },
            new StepSucceeded("prep", 1, null, new Dictionary<string, string>()) { At = At(15, 1) },
            new StepStarted("deploy", 1, At(17, 0)) { At = At(17, 0) },
            new StepSucceeded("deploy", 1, null, new Dictionary<string, string>()) { At = At(17, 1) },
            new RollbackStarted("smoke failed") { At = At(17, 2) },
            new CompensationPlanned([new CompensationItem(0, "deploy", false)]) { At = At(17, 2) },
            new CompensationStarted(0, "deploy", 1) { At = At(17, 2) },
            new CompensationFailed(0, "deploy", "exit 1") { At = At(17, 3) },
            new RunPaused("the undo of deploy failed", StepId: "deploy") { At = At(17, 3) });

        var message = DecisionMessage.Render(state, "deploy", "⏸ *Decision needed*", null);

        Buttons(message).Should().Equal(WarRoomActionIds.Retry, WarRoomActionIds.Skip, WarRoomActionIds.Abort);
        AllText(message).Should().Contain("The rollback is paused");
    }

    [Fact]
    public void RunReport_RunOfSixtySteps_FitsSlacksBlockLimitAndListsEveryStep()
    {
        var steps = string.Join('\n', Enumerable.Range(1, 60).Select(i => $"  - id: step-{i:D2}\n    action: shell\n    with: {{ run: \"./s{i}.sh\" }}"));
        var runbook = $"name: long\ntitle: Long launch\nsteps:\n{steps}\n";
        var events = new List<RunEvent>
        {
            new RunCreated("long", T0, null, "U0AAA", Rehearsal: false) { At = At(15, 0) },
            new RunStarted { At = At(15, 0) },
        };
        for (var i = 1; i <= 60; i++)
        {
            var started = At(15, 0) + TimeSpan.FromMinutes(i);
            events.Add(new StepStarted($"step-{i:D2}", 1) { At = started });
            events.Add(new StepSucceeded($"step-{i:D2}", 1, "ok", new Dictionary<string, string>()) { At = started + TimeSpan.FromSeconds(30) });
        }

        events.Add(new RunSucceeded { At = At(16, 1) });
        var state = Fold(runbook, [.. events]);

        var message = RunReport.Render(state, RunTimeline.Of(state, At(16, 1)));

        message.Blocks!.Count.Should().BeLessThanOrEqualTo(SlackLimits.MessageBlocks);
        var text = AllText(message);
        Enumerable.Range(1, 60).Should().OnlyContain(i => text.Contains($"`step-{i:D2}` succeeded", StringComparison.Ordinal));
        text.Should().Contain("The run succeeded.").And.Contain("after 1h1m");
    }

    [Fact]
    public void RunReport_WithReportUrl_EndsWithALinkToTheLaunchReport()
    {
        const string runbook = """
            name: short
            steps:
              - id: only
                wait: 1m
            """;
        var state = Fold(
            runbook,
            new RunCreated("short", T0, null, "U0AAA", Rehearsal: false) { At = At(15, 0) },
            new RunStarted { At = At(15, 0) },
            new RunSucceeded { At = At(15, 1) });

        var linked = AllText(RunReport.Render(state, RunTimeline.Of(state, At(15, 1)), "https://runbooks.example.com/runs/run-1/report"));
        var plain = AllText(RunReport.Render(state, RunTimeline.Of(state, At(15, 1))));

        linked.Should().Contain("<https://runbooks.example.com/runs/run-1/report|Full launch report>");
        plain.Should().NotContain("Full launch report");
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 22, hour, minute, 0, TimeSpan.Zero);

    private static RunState Fold(string yaml, params RunEvent[] events)
    {
        var loaded = RunbookLoader.Load(yaml, "test.yaml");
        loaded.Succeeded.Should().BeTrue(string.Join('\n', loaded.Diagnostics));
        return RunState.Fold("run-1", loaded.Runbook!, events);
    }

    /// <summary>The fallback text and every text inside the blocks, one per line.</summary>
    private static string AllText(SlackMessage message)
    {
        var texts = new List<string> { message.Text };
        Collect(JsonDocument.Parse(SlackJson.Serialize(message.Blocks)).RootElement, texts);
        return string.Join('\n', texts);
    }

    private static void Collect(JsonElement element, List<string> texts)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, texts);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                {
                    texts.Add(property.Value.GetString()!);
                }
                else
                {
                    Collect(property.Value, texts);
                }
            }
        }
    }

    private static List<string> Buttons(SlackMessage message) =>
        [.. JsonDocument.Parse(SlackJson.Serialize(message.Blocks)).RootElement.EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Select(e => e.GetProperty("action_id").GetString()!)];
}
