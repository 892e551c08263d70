using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using RunbookRunner.Browser.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace RunbookRunner.Browser.Tests;

/// <summary>The dashboard in headless chromium against a real server on loopback.</summary>
public partial class DashboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string AntiforgeryField = "form.who input[type=hidden]";

    [Fact]
    public async Task RunPage_RehearsalApprovedInTheBrowser_TimelineFollowsLiveAndAuditNamesTheApprover()
    {
        var ops = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await SignInAsync(ops, fixture.OperatorToken, "signin");
        await BrowserSession.ScreenshotAsync(ops, "02-runs");

        // Start a rehearsal from the form.
        if (!await ops.Locator("#start-form").IsVisibleAsync())
        {
            await ops.Locator("#start-panel > summary").ClickAsync();
        }

        await ops.SelectOptionAsync("#runbook", BrowserRunbooks.Name);
        await ops.FillAsync("#env", "staging");
        await Expect(ops.Locator("#rehearsal")).ToBeCheckedAsync();
        await ops.ClickAsync("#start");
        await ops.WaitForURLAsync(RunPath());
        var runId = (await ops.Locator("#run-id").TextContentAsync())!.Trim();
        await Expect(ops.Locator("#flash")).ToContainTextAsync($"Started run {runId} (rehearsal)");

        // From here on the operator's page is never reloaded: a marker on the window proves it.
        await ops.EvaluateAsync("() => { window.__sameDocument = true; }");
        var goNoGo = ops.Locator("#timeline g.row[data-step='go-no-go']");
        await Expect(goNoGo).ToHaveAttributeAsync("data-state", "awaiting_approval");
        await Expect(ops.Locator("#timeline .now-line")).ToHaveCountAsync(1);
        await Expect(ops.Locator(".approval[data-target='go-no-go']")).ToContainTextAsync("eligible: U-APPROVER");
        await Expect(ops.Locator("#cmd-approve-go-no-go")).ToHaveCountAsync(0);
        await Expect(ops.Locator("#cmd-pause")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(ops, "03-run-awaiting-approval");

        // The approver approves in their own session.
        var approver = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await SignInAsync(approver, fixture.ApproverToken, null);
        await approver.GotoAsync($"/runs/{runId}");
        await approver.Locator("#cmd-approve-go-no-go").ClickAsync();
        await approver.WaitForURLAsync(RunPath());
        await Expect(approver.Locator("#flash")).ToContainTextAsync("approve go-no-go: done");
        await BrowserSession.ScreenshotAsync(approver, "04-approved");

        // The operator's page follows the events: approval, the rest of the steps, the end of the run, the audit entry.
        await Expect(goNoGo).ToHaveAttributeAsync("data-state", "succeeded");
        await Expect(goNoGo.Locator("g.mark-approval")).ToHaveCountAsync(1);
        await Expect(ops.Locator("#state")).ToHaveTextAsync("succeeded", new() { Timeout = 30_000 });
        await Expect(ops.Locator("#timeline g.row[data-step='smoke']")).ToHaveAttributeAsync("data-state", "succeeded");
        await Expect(ops.Locator("#timeline .now-line")).ToHaveCountAsync(0);
        var audit = ops.Locator("table.audit tr.audit-allowed", new() { HasTextString = "U-APPROVER" });
        await Expect(audit).ToContainTextAsync("approve");
        await Expect(audit).ToContainTextAsync("web");
        (await ops.EvaluateAsync<bool>("() => window.__sameDocument === true")).Should().BeTrue("the page updated without a reload");
        int.Parse((await ops.Locator("#live").GetAttributeAsync("data-refreshes"))!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeGreaterThan(0);
        await ops.Locator("#step-deploy > summary").ClickAsync();
        await Expect(ops.Locator("#step-deploy .facts").First).ToContainTextAsync("action");
        await BrowserSession.ScreenshotAsync(ops, "05-run-succeeded");

        var phone = await fixture.Browser.NewPageAsync(fixture.Server.Url, phone: true);
        await SignInAsync(phone, fixture.ViewerToken, null);
        await phone.GotoAsync($"/runs/{runId}");
        await Expect(phone.Locator("#timeline")).ToBeVisibleAsync();
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "the page fits a phone; only the timeline scrolls sideways");
        await BrowserSession.ScreenshotAsync(phone, "06-run-phone");
    }

    [Fact]
    public async Task RunPage_Viewer_SeesNoCommandsAndAForgedApproveIsRefusedAndAudited()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        var run = await api.StartRehearsalAsync();
        await api.WaitForStepAsync(run.Id, "go-no-go", "awaiting_approval", TimeSpan.FromSeconds(20));

        var viewer = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await SignInAsync(viewer, fixture.ViewerToken, null);
        await viewer.GotoAsync($"/runs/{run.Id}");
        await Expect(viewer.Locator(".approval[data-target='go-no-go']")).ToBeVisibleAsync();
        await Expect(viewer.Locator("#cmd-approve-go-no-go")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#cmd-reject-go-no-go")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#cmd-pause")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#viewer-hint")).ToContainTextAsync("viewer");

        // A hand-made form with the viewer's own antiforgery token: the server refuses it under the API's rules.
        await viewer.EvaluateAsync(
            """
            ([id, selector]) => {
              const form = document.createElement('form');
              form.method = 'post';
              form.action = '/runs/' + id + '/commands';
              const token = document.querySelector(selector);
              for (const [name, value] of [[token.name, token.value], ['action', 'approve'], ['step', 'go-no-go']]) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.appendChild(input);
              }
              document.body.appendChild(form);
              form.submit();
            }
            """,
            new[] { run.Id, AntiforgeryField });
        await Expect(viewer.Locator("#flash")).ToContainTextAsync("Refused: token 'watcher' has role viewer; approve needs approver");
        var denied = viewer.Locator("table.audit tr.audit-denied", new() { HasTextString = "watcher" });
        await Expect(denied).ToContainTextAsync("approve");
        await Expect(denied).ToContainTextAsync("go-no-go");
        await BrowserSession.ScreenshotAsync(viewer, "07-viewer-refused");

        var after = await api.GetAsync(run.Id);
        after.Steps.Single(s => s.Id == "go-no-go").State.Should().Be("awaiting_approval", "the refused approval changed nothing");
    }

    [Fact]
    public async Task RunPage_InjectedFailure_PausesAndRetryFromTheStepFinishesTheRun()
    {
        using var approver = new ApiClient(fixture.Server.Url, fixture.ApproverToken);
        var ops = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await SignInAsync(ops, fixture.OperatorToken, null);
        if (!await ops.Locator("#start-form").IsVisibleAsync())
        {
            await ops.Locator("#start-panel > summary").ClickAsync();
        }

        await ops.SelectOptionAsync("#runbook", BrowserRunbooks.Name);
        await ops.FillAsync("#env", "staging");
        await ops.FillAsync("#fail", "deploy:1");
        await ops.ClickAsync("#start");
        await ops.WaitForURLAsync(RunPath());
        var runId = (await ops.Locator("#run-id").TextContentAsync())!.Trim();
        await approver.WaitForStepAsync(runId, "go-no-go", "awaiting_approval", TimeSpan.FromSeconds(20));
        await approver.ApproveAsync(runId, "go-no-go");

        var deploy = ops.Locator("#timeline g.row[data-step='deploy']");
        await Expect(deploy).ToHaveAttributeAsync("data-state", "failed");
        await Expect(ops.Locator("#state")).ToHaveTextAsync("paused");
        await Expect(deploy.Locator("g.mark-failure")).ToHaveCountAsync(1);
        await Expect(ops.Locator("#step-deploy .facts").First).ToContainTextAsync("injected failure");
        await BrowserSession.ScreenshotAsync(ops, "10-failed-paused");

        await ops.Locator("#cmd-retry-deploy").FocusAsync();
        await ops.Keyboard.PressAsync("Enter");
        await ops.WaitForURLAsync(RunPath());
        await Expect(ops.Locator("#flash")).ToContainTextAsync("retry deploy: done");
        await Expect(ops.Locator("#state")).ToHaveTextAsync("succeeded", new() { Timeout = 30_000 });
        await Expect(deploy.Locator("g.mark-retry")).ToHaveCountAsync(1);
        await Expect(ops.Locator("table.audit tr.audit-allowed", new() { HasTextString = "retry" })).ToContainTextAsync("U-OPS");
        await BrowserSession.ScreenshotAsync(ops, "11-retried-succeeded");

        var markdown = await approver.GetTextAsync($"api/runs/{runId}/report?format=md");
        markdown.Should().Contain("`deploy` attempt 1 failed: injected failure");
        markdown.Should().Contain("retry `deploy` by U-OPS via web");
    }

    [Fact]
    public async Task Report_FinishedRehearsal_ShowsTimelineOnTheDashboardAndMarkdownOverTheApi()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        using var approver = new ApiClient(fixture.Server.Url, fixture.ApproverToken);
        var run = await api.StartRehearsalAsync();
        await api.WaitForStepAsync(run.Id, "go-no-go", "awaiting_approval", TimeSpan.FromSeconds(20));
        await approver.ApproveAsync(run.Id, "go-no-go");
        await api.WaitForStateAsync(run.Id, "succeeded", TimeSpan.FromSeconds(30));

        var page = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await SignInAsync(page, fixture.ViewerToken, null);
        await page.GotoAsync($"/runs/{run.Id}/report");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Launch report: Browser demo launch (rehearsal)");
        await Expect(page.Locator("#report-timeline g.row")).ToHaveCountAsync(5);
        await Expect(page.Locator("body")).ToContainTextAsync("The run succeeded.");
        await BrowserSession.ScreenshotAsync(page, "08-report");

        var markdown = await api.GetTextAsync($"api/runs/{run.Id}/report?format=md");
        markdown.Should().Contain("# Launch report: Browser demo launch (rehearsal)");
        markdown.Should().Contain("| `go-no-go` | succeeded |");
        markdown.Should().Contain("approved by U-APPROVER at").And.Contain("via api");
    }

    [Fact]
    public async Task RunbookPage_PlanForT0_DrawsTheTimelineAndValidation()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await SignInAsync(page, fixture.ViewerToken, null);
        await page.GotoAsync($"/runbooks/{BrowserRunbooks.Name}?t0=2026-12-01T12:00&env=staging");

        await Expect(page.Locator("#h-diagnostics")).ToBeVisibleAsync();
        await Expect(page.Locator("#diagnostics li.bad")).ToHaveCountAsync(0);
        await Expect(page.Locator("#plan-timeline g.row")).ToHaveCountAsync(5);
        await Expect(page.Locator("#h-plan")).ToHaveTextAsync("Plan for T0 2026-12-01 12:00:00 GMT", new() { Timeout = 2_000 });
        await Expect(page.Locator("#plan")).ToContainTextAsync("settle");
        await Expect(page.Locator("#plan-timeline g.row.critical").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "09-runbook-plan");
    }

    [Fact]
    public async Task SignIn_UnknownToken_IsRefusedAndPagesStayClosed()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await page.GotoAsync("/runs");
        await page.WaitForURLAsync(new Regex("/signin"));
        await page.FillAsync("#token", "rbk_not_a_token");
        await page.ClickAsync("#signin");

        await Expect(page.Locator("#flash")).ToContainTextAsync("unknown or revoked");
        await page.GotoAsync("/runbooks");
        page.Url.Should().Contain("/signin");
    }

    private static async Task SignInAsync(IPage page, string token, string? screenshot)
    {
        await page.GotoAsync("/runs");
        await page.WaitForURLAsync(new Regex("/signin"));
        await Expect(page.Locator("label[for=token]")).ToHaveTextAsync("API token");
        if (screenshot is not null)
        {
            await BrowserSession.ScreenshotAsync(page, "01-" + screenshot);
        }

        await page.FillAsync("#token", token);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/runs$"), new() { Timeout = 30_000 });
        await Expect(page.Locator("#whoami")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/runs/[0-9a-z]+$")]
    private static partial Regex RunPath();
}
