using System.Net;
using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.WarRoom;

/// <summary>Approvals decided with buttons in Slack, through the real endpoint, engine and narrator.</summary>
public sealed class ApprovalButtonTests
{
    private static Task<WarRoomHost> Start() => WarRoomHost.StartAsync(
    [
        ScriptedStepAction.Succeeding("github.open_issues", "0 open P0/P1 issues"),
        ScriptedStepAction.Succeeding("shell", "deployed"),
    ]);

    [Fact]
    public async Task Interactions_TwoOfThreeLeadsApprove_MessageShowsBothAndTheRunProceeds()
    {
        await using var host = await Start();
        var run = await host.StartRunAsync(TestRunbooks.GoLive);
        var approval = await WaitForApprovalWithEvidenceAsync(host);

        approval.Buttons().Should().Contain(b => b.ActionId == WarRoomActionIds.Approve && b.Confirm, "approving asks for confirmation first");
        approval.Buttons().Should().Contain(b => b.ActionId == WarRoomActionIds.Reject && b.Confirm);
        approval.AllText().Should().Contain("0 open P0/P1 issues").And.Contain("2 more needed").And.Contain("<@U0AAA>");

        var (first, firstUrl, _) = await host.ClickAsync(approval, WarRoomActionIds.Approve, "U0AAA");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync()).Should().BeEmpty("the click is acknowledged at once; the work goes on in the background");
        (await host.WaitForResponseAsync(firstUrl)).Text.Should().Contain("You approved `go-no-go` (1 of 2)");
        await host.WaitForMessageAsync(m => m.Ts == approval.Ts && m.AllText().Contains("<@U0AAA> approved at") && m.AllText().Contains("1 more needed"));

        var (second, _, _) = await host.ClickAsync(approval, WarRoomActionIds.Approve, "U0BBB");
        second.StatusCode.Should().Be(HttpStatusCode.OK);

        var end = await host.WaitForRunAsync(run.RunId, s => s.IsTerminal);
        end.Status.Should().Be(RunStatus.Succeeded);
        var closed = await host.WaitForMessageAsync(m => m.Ts == approval.Ts && m.AllText().Contains("<@U0BBB> approved at"));
        closed.HasButton(WarRoomActionIds.Approve).Should().BeFalse("a closed approval has no buttons");
        closed.AllText().Should().Contain("Approved:");
        var audit = await host.Audit.ListAsync(new AuditQuery { RunId = run.RunId });
        audit.Where(a => a.Action == "approve" && a.Outcome == AuditOutcome.Allowed).Select(a => (a.Actor, a.Source))
            .Should().BeEquivalentTo([("U0AAA", AuditSource.Slack), ("U0BBB", AuditSource.Slack)]);
    }

    [Fact]
    public async Task Interactions_CountsPerRole_SecondLeadIsToldProductIsStillNeeded()
    {
        await using var host = await Start();
        var run = await host.StartRunAsync(TestRunbooks.GoLiveByRole);
        var approval = await WaitForApprovalWithEvidenceAsync(host);
        approval.AllText().Should().Contain("leads 0/1, product 0/1").And.Contain("2 more needed");

        var (_, firstUrl, _) = await host.ClickAsync(approval, WarRoomActionIds.Approve, "U0AAA");
        (await host.WaitForResponseAsync(firstUrl)).Text.Should().Contain("You approved `go-no-go` (leads 1/1, product 0/1)");
        var (_, secondUrl, _) = await host.ClickAsync(approval, WarRoomActionIds.Approve, "U0BBB");
        var refusal = await host.WaitForResponseAsync(secondUrl);

        refusal.ResponseType.Should().Be("ephemeral");
        refusal.Text.Should().Contain("U0BBB's approval of go-no-go would not count").And.Contain("still needed: product 0/1 (U0PPP)");
        await host.WaitForMessageAsync(m => m.Ts == approval.Ts && m.AllText().Contains("✓ leads 1/1: <@U0AAA>, <@U0BBB>") && m.AllText().Contains("• product 0/1: <@U0PPP>"));
        (await host.Engine.GetStateAsync(run.RunId))!.Approvals["go-no-go"].Grants.Select(g => g.By).Should().Equal("U0AAA");

        await host.ClickAsync(approval, WarRoomActionIds.Approve, "U0PPP");

        (await host.WaitForRunAsync(run.RunId, s => s.IsTerminal)).Status.Should().Be(RunStatus.Succeeded);
    }

    [Fact]
    public async Task Interactions_UserOutsideTheApproverRoles_GetsPrivateRefusalAndIsAudited()
    {
        await using var host = await Start();
        var run = await host.StartRunAsync(TestRunbooks.GoLive);
        var approval = await WaitForApprovalWithEvidenceAsync(host);

        var (response, url, _) = await host.ClickAsync(approval, WarRoomActionIds.Approve, "U0OPS");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var refusal = await host.WaitForResponseAsync(url);
        refusal.ResponseType.Should().Be("ephemeral", "a refusal is shown to the person who clicked only");
        refusal.Text.Should().Contain("U0OPS may not decide go-no-go").And.Contain("leads");
        var audit = await host.Audit.ListAsync(new AuditQuery { RunId = run.RunId, Outcome = AuditOutcome.Denied });
        audit.Should().ContainSingle(a => a.Actor == "U0OPS" && a.Action == "approve" && a.Source == AuditSource.Slack);
        (await host.Engine.GetStateAsync(run.RunId))!.Approvals["go-no-go"].Grants.Should().BeEmpty();
    }

    [Fact]
    public async Task Interactions_SameClickDeliveredTwice_CountsOnce()
    {
        await using var host = await Start();
        var run = await host.StartRunAsync(TestRunbooks.GoLive);
        var approval = await WaitForApprovalWithEvidenceAsync(host);
        var (first, url, payload) = await host.ClickAsync(approval, WarRoomActionIds.Approve, "U0AAA");
        await host.WaitForResponseAsync(url);

        // Slack retries a delivery it thinks failed with the very same payload (same action_ts).
        var replay = await host.PostInteractionAsync(payload);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.WaitForResponseAsync(url, r => r.Text!.Contains("already recorded", StringComparison.Ordinal))).Should().NotBeNull();
        var state = await host.Engine.GetStateAsync(run.RunId);
        state!.Approvals["go-no-go"].Grants.Select(g => g.By).Should().Equal("U0AAA");
        var audit = await host.Audit.ListAsync(new AuditQuery { RunId = run.RunId, Actor = "U0AAA" });
        audit.Should().ContainSingle(a => a.Action == "approve");
    }

    [Fact]
    public async Task Interactions_ApprovedThroughTheApiInstead_SlackMessageIsUpdatedInPlace()
    {
        await using var host = await Start();
        var run = await host.StartRunAsync(TestRunbooks.GoLive);
        var approval = await WaitForApprovalWithEvidenceAsync(host);

        await host.Engine.SubmitAsync(run.RunId, new Core.Runs.Inputs.Approve("go-no-go", new Core.Runs.Inputs.Actor("U0CCC", "api")));

        var updated = await host.WaitForMessageAsync(m => m.Ts == approval.Ts && m.AllText().Contains("<@U0CCC> approved at"));
        updated.AllText().Should().Contain("via api");
        updated.HasButton(WarRoomActionIds.Approve).Should().BeTrue("one more approval is still needed");
    }

    [Fact]
    public async Task Interactions_RejectWithReasonThroughTheModal_RejectsAndAsksTheWarRoomToDecide()
    {
        await using var host = await Start();
        var run = await host.StartRunAsync(TestRunbooks.GoLive);
        var approval = await WaitForApprovalWithEvidenceAsync(host);

        var (click, _, _) = await host.ClickAsync(approval, WarRoomActionIds.Reject, "U0BBB");
        click.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.Slack.WaitUntilAsync(s => s.Views.Count == 1, WarRoomHost.Deadline);
        var view = host.Slack.Views[0];
        view.View.GetProperty("callback_id").GetString().Should().Be(WarRoomActionIds.RejectReasonCallback);
        var metadata = view.View.GetProperty("private_metadata").GetString();

        var empty = await host.PostInteractionAsync(SlackPayloads.ViewSubmission("U0BBB", view.Id, WarRoomActionIds.RejectReasonCallback, metadata, "  "));
        (await empty.Content.ReadAsStringAsync()).Should().Contain("\"response_action\":\"errors\"", "a blank reason keeps the modal open");

        var submitted = await host.PostInteractionAsync(SlackPayloads.ViewSubmission("U0BBB", view.Id, WarRoomActionIds.RejectReasonCallback, metadata, "P0 #4711 is still open"));

        submitted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await submitted.Content.ReadAsStringAsync()).Should().BeEmpty("an empty 200 closes the modal");
        var rejected = await host.WaitForMessageAsync(m => m.Ts == approval.Ts && m.AllText().Contains("<@U0BBB> rejected at"));
        rejected.AllText().Should().Contain("P0 #4711 is still open");
        rejected.HasButton(WarRoomActionIds.Approve).Should().BeFalse();
        var decision = await host.WaitForMessageAsync(m => m.HasButton(WarRoomActionIds.Retry));
        decision.Buttons().Select(b => b.ActionId).Should().Equal(WarRoomActionIds.Retry, WarRoomActionIds.Skip, WarRoomActionIds.Rollback, WarRoomActionIds.Abort);
        var state = await host.WaitForRunAsync(run.RunId, s => s.Status == RunStatus.Paused);
        state.Approvals["go-no-go"].Rejection!.Reason.Should().Be("P0 #4711 is still open");
    }

    private static async Task<FakeSlackMessage> WaitForApprovalWithEvidenceAsync(WarRoomHost host) =>
        await host.WaitForMessageAsync(m => m.HasButton(WarRoomActionIds.Approve) && m.AllText().Contains("0 open P0/P1 issues"));
}
