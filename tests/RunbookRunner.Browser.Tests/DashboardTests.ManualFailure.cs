using FluentAssertions;
using RunbookRunner.Browser.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace RunbookRunner.Browser.Tests;

/// <summary>A manual task with outcomes [done, failed] marked failed from the run page.</summary>
public partial class DashboardTests
{
    [Fact]
    public async Task RunPage_MarkFailedWithReason_FailsTheTaskAndRollsBackAsTheRunbookSays()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        var run = await api.StartRehearsalOfAsync(BrowserRunbooks.QaName);
        await api.WaitForStepAsync(run.Id, "qa", "awaiting_approval", StepWait);

        var ops = await OpenRunAsync(fixture.OperatorToken, run.Id);
        var questions = new List<string>();
        ops.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await Expect(ops.Locator("#cmd-done-qa")).ToBeVisibleAsync();
        await ops.FillAsync("#reason-fail-qa", "checkout returns 500");
        await ops.Locator("#cmd-fail-qa").ClickAsync();
        await ops.WaitForURLAsync(RunPath());

        questions.Should().ContainSingle().Which.Should().StartWith("Mark qa failed?");
        await Expect(ops.Locator("#flash")).ToContainTextAsync("fail qa: done");
        await Expect(ops.Locator("#state")).ToHaveTextAsync("rolled back", new() { Timeout = 30_000 });
        await Expect(ops.Locator("table.audit tr.audit-allowed", new() { HasTextString = "fail" })).ToContainTextAsync("U-OPS");
        await BrowserSession.ScreenshotAsync(ops, "19-manual-task-failed");

        var after = await api.GetAsync(run.Id);
        after.State.Should().Be("rolled_back");
        after.Steps.Single(s => s.Id == "qa").State.Should().Be("failed");
        after.Steps.Single(s => s.Id == "qa").Error.Should().Be("marked failed by U-OPS: checkout returns 500");
    }
}
