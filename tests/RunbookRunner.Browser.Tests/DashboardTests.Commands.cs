using FluentAssertions;
using Microsoft.Playwright;
using RunbookRunner.Browser.Tests.TestSupport;
using RunbookRunner.Contracts.Runs;
using static Microsoft.Playwright.Assertions;

namespace RunbookRunner.Browser.Tests;

/// <summary>The run and step commands other than approve and retry, clicked in chromium and checked through the API.</summary>
public partial class DashboardTests
{
    private static readonly TimeSpan StepWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RunPage_RejectWithReason_FailsTheApprovalAndPausesTheRunAsTheRunbookSays()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        var run = await api.StartRehearsalAsync();
        await api.WaitForStepAsync(run.Id, "go-no-go", "awaiting_approval", StepWait);

        var approver = await OpenRunAsync(fixture.ApproverToken, run.Id);
        await approver.FillAsync("#reason-reject-go-no-go", "P1 open: checkout broken");
        await approver.Locator("#cmd-reject-go-no-go").ClickAsync();
        await approver.WaitForURLAsync(RunPath());

        // go-no-go has no on_failure, so the default (pause) applies: the war room decides what next.
        await Expect(approver.Locator("#flash")).ToContainTextAsync("reject go-no-go: done");
        await Expect(approver.Locator("#state")).ToHaveTextAsync("paused");
        await Expect(approver.Locator("p.flash.warn")).ToContainTextAsync("rejected by U-APPROVER: P1 open: checkout broken");
        var row = approver.Locator("#timeline g.row[data-step='go-no-go']");
        await Expect(row).ToHaveAttributeAsync("data-state", "failed");
        await Expect(row.Locator("g.mark-rejection")).ToHaveCountAsync(1);
        await Expect(approver.Locator(".approval[data-target='go-no-go']")).ToHaveCountAsync(0);
        await Expect(approver.Locator("table.audit tr.audit-allowed", new() { HasTextString = "reject" })).ToContainTextAsync("U-APPROVER");
        await BrowserSession.ScreenshotAsync(approver, "12-rejected-paused");

        var after = await api.GetAsync(run.Id);
        after.State.Should().Be("paused");
        after.PauseReason.Should().Contain("P1 open: checkout broken");
        after.Steps.Single(s => s.Id == "go-no-go").State.Should().Be("failed");
        after.Steps.Single(s => s.Id == "deploy").State.Should().Be("pending", "nothing after a rejected approval runs");
    }

    [Fact]
    public async Task RunPage_PauseThenResume_StopsAndRestartsTheRun()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        using var approverApi = new ApiClient(fixture.Server.Url, fixture.ApproverToken);
        var run = await api.StartRehearsalAsync();
        await api.WaitForStepAsync(run.Id, "go-no-go", "awaiting_approval", StepWait);

        var ops = await OpenRunAsync(fixture.OperatorToken, run.Id);
        await ops.Locator("#cmd-pause").ClickAsync();
        await ops.WaitForURLAsync(RunPath());
        await Expect(ops.Locator("#flash")).ToContainTextAsync("pause: done");
        await Expect(ops.Locator("#state")).ToHaveTextAsync("paused");
        await Expect(ops.Locator("p.flash.warn")).ToContainTextAsync("paused by U-OPS");
        await Expect(ops.Locator("#cmd-pause")).ToHaveCountAsync(0);
        await Expect(ops.Locator("#timeline g.run-mark.mark-pause")).ToHaveCountAsync(1);
        (await api.GetAsync(run.Id)).State.Should().Be("paused");
        await BrowserSession.ScreenshotAsync(ops, "13-paused");

        await ops.Locator("#cmd-resume").ClickAsync();
        await ops.WaitForURLAsync(RunPath());
        await Expect(ops.Locator("#flash")).ToContainTextAsync("resume: done");
        await Expect(ops.Locator("#state")).ToHaveTextAsync("running");
        await Expect(ops.Locator("#cmd-resume")).ToHaveCountAsync(0);
        await Expect(ops.Locator("#cmd-pause")).ToBeVisibleAsync();
        (await api.GetAsync(run.Id)).State.Should().Be("running");

        // The resumed run goes on: the approval still counts and the page follows it to the end.
        await approverApi.ApproveAsync(run.Id, "go-no-go");
        await Expect(ops.Locator("#state")).ToHaveTextAsync("succeeded", new() { Timeout = 30_000 });
        (await api.GetAsync(run.Id)).State.Should().Be("succeeded");
    }

    [Fact]
    public async Task RunPage_AbortAskedFirst_DismissKeepsTheRunAndAcceptAbortsIt()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        var run = await api.StartRehearsalAsync();
        await api.WaitForStepAsync(run.Id, "go-no-go", "awaiting_approval", StepWait);

        var ops = await OpenRunAsync(fixture.OperatorToken, run.Id);
        var questions = new List<string>();
        var accept = false;
        ops.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            if (accept)
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }
        };

        await ops.FillAsync("#reason-abort", "launch postponed to Tuesday");
        await ops.Locator("#cmd-abort").ClickAsync();
        questions.Should().Equal("Abort this run? No rollback will run.");
        (await api.GetAsync(run.Id)).State.Should().Be("running", "the person said no to the question");
        await Expect(ops.Locator("#state")).ToHaveTextAsync("running");

        accept = true;
        await ops.Locator("#cmd-abort").ClickAsync();
        await ops.WaitForURLAsync(RunPath());
        await Expect(ops.Locator("#flash")).ToContainTextAsync("abort: done");
        await Expect(ops.Locator("#state")).ToHaveTextAsync("aborted");
        await Expect(ops.Locator("#end-reason")).ToHaveTextAsync("Run aborted: launch postponed to Tuesday");
        await Expect(ops.Locator(".approval[data-target='go-no-go']")).ToHaveCountAsync(0);
        await Expect(ops.Locator("#timeline g.run-mark.mark-abort title")).ToContainTextAsync("aborted by U-OPS: launch postponed to Tuesday");
        await Expect(ops.Locator("#run-state .actions")).ToHaveCountAsync(0);
        await Expect(ops.Locator("table.audit tr.audit-allowed", new() { HasTextString = "abort" })).ToContainTextAsync("U-OPS");
        questions.Should().HaveCount(2);
        await BrowserSession.ScreenshotAsync(ops, "14-aborted");

        var after = await api.GetAsync(run.Id);
        after.State.Should().Be("aborted");
        after.EndReason.Should().Contain("launch postponed to Tuesday");
    }

    [Fact]
    public async Task RunPage_RollbackAfterFailedSmoke_UndoesDeployAndShowsTheCompensation()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        var run = await StartFailedAtAsync(api, "smoke");

        var ops = await OpenRunAsync(fixture.OperatorToken, run.Id);
        await Expect(ops.Locator("#state")).ToHaveTextAsync("paused");
        ops.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await ops.FillAsync("#reason-rollback", "smoke failed");
        await ops.Locator("#cmd-rollback").ClickAsync();
        await ops.WaitForURLAsync(RunPath());
        await Expect(ops.Locator("#flash")).ToContainTextAsync("rollback: done");

        await Expect(ops.Locator("#state")).ToHaveTextAsync("rolled back", new() { Timeout = 30_000 });
        var deploy = ops.Locator("#timeline g.row[data-step='deploy']");
        await Expect(deploy).ToHaveAttributeAsync("data-state", "compensated");
        await Expect(deploy.Locator("g.mark-compensation")).ToHaveCountAsync(1);
        await Expect(ops.Locator("#timeline g.run-mark.mark-rollback")).ToHaveCountAsync(1);
        await Expect(ops.Locator("#rollback")).ToContainTextAsync("smoke failed");
        await Expect(ops.Locator("#rollback li[data-step='deploy']")).ToContainTextAsync("succeeded");
        await BrowserSession.ScreenshotAsync(ops, "15-rolled-back");

        var after = await api.GetAsync(run.Id);
        after.State.Should().Be("rolled_back");
        after.Steps.Single(s => s.Id == "deploy").State.Should().Be("compensated");
        after.Rollback!.Items.Should().Contain(i => i.Step == "deploy" && i.State == "succeeded");
    }

    [Fact]
    public async Task RunPage_SkipFailedStep_RunGoesOnWithoutIt()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        var run = await StartFailedAtAsync(api, "deploy");

        var ops = await OpenRunAsync(fixture.OperatorToken, run.Id);
        await Expect(ops.Locator("#state")).ToHaveTextAsync("paused");
        await ops.Locator("#cmd-skip-deploy").ClickAsync();
        await ops.WaitForURLAsync(RunPath());
        await Expect(ops.Locator("#flash")).ToContainTextAsync("skip deploy: done");
        await Expect(ops.Locator("#timeline g.row[data-step='deploy']")).ToHaveAttributeAsync("data-state", "skipped");
        await Expect(ops.Locator("#state")).ToHaveTextAsync("succeeded", new() { Timeout = 30_000 });
        await Expect(ops.Locator("table.audit tr.audit-allowed", new() { HasTextString = "skip" })).ToContainTextAsync("U-OPS");

        var after = await api.GetAsync(run.Id);
        after.State.Should().Be("succeeded");
        after.Steps.Single(s => s.Id == "deploy").State.Should().Be("skipped");
        after.Steps.Single(s => s.Id == "smoke").State.Should().Be("succeeded");
    }

    [Fact]
    public async Task RunPage_ViewerOnPausedFailedRun_SeesNoRunOrStepCommandsAndAForgedAbortIsRefused()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        var run = await StartFailedAtAsync(api, "deploy");

        var viewer = await OpenRunAsync(fixture.ViewerToken, run.Id);
        await Expect(viewer.Locator("#state")).ToHaveTextAsync("paused");
        await Expect(viewer.Locator("#viewer-hint")).ToBeVisibleAsync();
        foreach (var id in new[] { "resume", "pause", "abort", "rollback", "retry-deploy", "skip-deploy", "done-deploy", "skip-smoke" })
        {
            await Expect(viewer.Locator($"#cmd-{id}")).ToHaveCountAsync(0);
        }

        await ForgeCommandAsync(viewer, run.Id, "abort", null);
        await Expect(viewer.Locator("#flash")).ToContainTextAsync("Refused: token 'watcher' has role viewer; abort needs operator");
        await Expect(viewer.Locator("table.audit tr.audit-denied", new() { HasTextString = "watcher" })).ToContainTextAsync("abort");

        await ForgeCommandAsync(viewer, run.Id, "skip", "deploy");
        await Expect(viewer.Locator("#flash")).ToContainTextAsync("skip needs operator");

        var after = await api.GetAsync(run.Id);
        after.State.Should().Be("paused", "the refused commands changed nothing");
        after.Steps.Single(s => s.Id == "deploy").State.Should().Be("failed");
    }

    /// <summary>A rehearsal with <paramref name="step"/> failing, approved past go/no-go, paused on the failure.</summary>
    private async Task<RunDto> StartFailedAtAsync(ApiClient api, string step)
    {
        using var approverApi = new ApiClient(fixture.Server.Url, fixture.ApproverToken);
        var run = await api.StartRehearsalAsync(step);
        await api.WaitForStepAsync(run.Id, "go-no-go", "awaiting_approval", StepWait);
        await approverApi.ApproveAsync(run.Id, "go-no-go");
        await api.WaitForStepAsync(run.Id, step, "failed", StepWait);
        return run;
    }

    private async Task<IPage> OpenRunAsync(string token, string runId)
    {
        var page = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await SignInAsync(page, token, null);
        await page.GotoAsync($"/runs/{runId}");
        return page;
    }

    /// <summary>Posts a hand-made command form with the page's own antiforgery token, as a curious viewer could.</summary>
    private static async Task ForgeCommandAsync(IPage page, string runId, string action, string? step) =>
        await page.EvaluateAsync(
            """
            ([id, selector, action, step]) => {
              const form = document.createElement('form');
              form.method = 'post';
              form.action = '/runs/' + id + '/commands';
              const token = document.querySelector(selector);
              const fields = [[token.name, token.value], ['action', action]];
              if (step) { fields.push(['step', step]); }
              for (const [name, value] of fields) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.appendChild(input);
              }
              document.body.appendChild(form);
              form.submit();
            }
            """,
            new[] { runId, AntiforgeryField, action, step ?? "" });
}
