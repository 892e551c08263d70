using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using RunbookRunner.Browser.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace RunbookRunner.Browser.Tests;

/// <summary>The runs list: bounded pages with Older / Newer links, and filters kept while paging.</summary>
public partial class DashboardTests
{
    [Fact]
    public async Task RunsPage_MoreRunsThanAPage_OlderAndNewerPageThroughThemAndBack()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        var started = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 7; i++)
        {
            started.Add((await api.StartRehearsalAsync()).Id);
        }

        // The API's order (newest first) is the one the page must follow; this test's runs are the newest seven.
        var newest = (await api.ListAsync("limit=9")).Items.Select(r => r.Id).ToList();
        newest.Take(7).Should().BeEquivalentTo(started);

        var page = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await SignInAsync(page, fixture.ViewerToken, null);
        await page.GotoAsync("/runs?limit=3");
        (await RowIdsAsync(page)).Should().Equal(newest.Take(3));
        await Expect(page.Locator("#page-newer")).ToHaveCountAsync(0);
        await Expect(page.Locator("#runs tbody tr td.t0").First).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (GMT|BST)$"), new() { Timeout = 2_000 });
        await BrowserSession.ScreenshotAsync(page, "16-runs-page-1");

        (await FollowAsync(page, "#page-older")).Should().Contain("cursor=").And.Contain("limit=3");
        (await RowIdsAsync(page)).Should().Equal(newest.Skip(3).Take(3));
        await FollowAsync(page, "#page-older");
        (await RowIdsAsync(page))[0].Should().Be(newest[6]);
        await BrowserSession.ScreenshotAsync(page, "17-runs-page-3");

        (await FollowAsync(page, "#page-newer")).Should().Contain("newer=");
        (await RowIdsAsync(page)).Should().Equal(newest.Skip(3).Take(3));
        await FollowAsync(page, "#page-newer");
        (await RowIdsAsync(page)).Should().Equal(newest.Take(3));
        await Expect(page.Locator("#page-newer")).ToHaveCountAsync(0, new() { Timeout = 1_000 });
        await Expect(page.Locator("#page-older")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RunsPage_StateFilter_ShowsOnlyMatchingRunsAndKeepsTheFilterWhilePaging()
    {
        using var api = new ApiClient(fixture.Server.Url, fixture.OperatorToken);
        var aborted = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var run = await api.StartRehearsalAsync();
            await api.AbortAsync(run.Id, "postponed");
            await api.WaitForStateAsync(run.Id, "aborted", StepWait);
            aborted.Insert(0, run.Id);
        }

        await api.StartRehearsalAsync();
        await api.StartRehearsalAsync();

        var page = await fixture.Browser.NewPageAsync(fixture.Server.Url);
        await SignInAsync(page, fixture.ViewerToken, null);
        await page.GotoAsync("/runs?limit=2");
        await page.SelectOptionAsync("#filter-state", "finished");
        await page.SelectOptionAsync("#filter-runbook", BrowserRunbooks.Name);
        await page.Locator("#filter").ClickAsync();
        await page.WaitForURLAsync(new Regex("state=finished"));
        page.Url.Should().Contain("limit=2").And.Contain("runbook=" + BrowserRunbooks.Name);

        var rows = page.Locator("#runs tbody tr");
        (await RowIdsAsync(page)).Should().Equal(aborted.Take(2), "the newest finished runs are the ones aborted above, not the two running after them");
        foreach (var state in await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-state'))"))
        {
            state.Should().BeOneOf("succeeded", "failed", "aborted", "rolled_back");
        }

        await Expect(page.Locator("#filter-state")).ToHaveValueAsync("finished");
        await Expect(page.Locator("#filter-clear")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "18-runs-filtered");
        (await FollowAsync(page, "#page-older")).Should().Contain("state=finished").And.Contain("cursor=");
        await Expect(page.Locator("#filter-state")).ToHaveValueAsync("finished");
        (await RowIdsAsync(page))[0].Should().Be(aborted[2]);

        (await FollowAsync(page, "#filter-clear")).Should().EndWith("/runs?limit=2");
        await Expect(page.Locator("#filter-state")).ToHaveValueAsync("");
    }

    /// <summary>Clicks a link and waits until the browser is at its address (pages of the list share a path).</summary>
    private static async Task<string> FollowAsync(IPage page, string selector)
    {
        var link = page.Locator(selector);
        var href = (await link.GetAttributeAsync("href"))!;
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(href, StringComparison.Ordinal));
        return href;
    }

    private static async Task<IReadOnlyList<string>> RowIdsAsync(IPage page)
    {
        await Expect(page.Locator("#runs")).ToBeVisibleAsync();
        return await page.Locator("#runs tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-run'))");
    }
}
