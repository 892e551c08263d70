using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Browser.Tests.TestSupport;

/// <summary>One server and one browser for the whole suite (starting chromium is the slow part), and a token per role.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private DashboardServer? _server;
    private BrowserSession? _browser;

    internal DashboardServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    internal BrowserSession Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public string OperatorToken { get; private set; } = "";

    public string ApproverToken { get; private set; } = "";

    public string ViewerToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync(new Dictionary<string, string> { [BrowserRunbooks.Name] = BrowserRunbooks.Yaml, [BrowserRunbooks.QaName] = BrowserRunbooks.QaYaml });
        OperatorToken = await _server.CreateTokenAsync(TokenRole.Operator, "ops-lead", "U-OPS");
        ApproverToken = await _server.CreateTokenAsync(TokenRole.Approver, "release-manager", "U-APPROVER");
        ViewerToken = await _server.CreateTokenAsync(TokenRole.Viewer, "watcher");
        _browser = await BrowserSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
