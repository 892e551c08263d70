using System.Net;
using FluentAssertions;
using RunbookRunner.Cli;
using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Cli;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_OnPortZero_PrintsListeningUrlServesAndStopsGracefully()
    {
        var store = StoreFactory.NewSqlite();
        using var stdout = new CapturingWriter();
        using var stderr = new CapturingWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var context = new CliContext(stdout, stderr) { GetEnvironmentVariable = _ => null };
        var serve = CliApp.RunAsync(["serve", "--store", store, "--urls", "http://127.0.0.1:0", "--node-id", "cli-serve"], context, stop.Token);

        await stdout.WaitForAsync("listening on http://127.0.0.1:", TimeSpan.FromSeconds(60));
        var url = stdout.Text.Split('\n').First(l => l.StartsWith("listening on ", StringComparison.Ordinal))["listening on ".Length..].Trim();
        using var http = new HttpClient { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromSeconds(10) };
        using var health = await http.GetAsync("healthz");
        var token = (await CliRunner.RunAsync("tokens", "create", "--role", "operator", "--store", store)).Lines[0];
        var file = Path.Combine(Path.GetDirectoryName(store["sqlite:".Length..])!, "gate.yaml");
        await File.WriteAllTextAsync(file, TestRunbooks.Gate);
        var start = await CliRunner.RunAsync("start", file, "--rehearsal", "--url", url, "--token", token);
        await stdout.WaitForAsync("approval needed for go", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var exitCode = await serve.WaitAsync(TimeSpan.FromSeconds(40));

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        start.ExitCode.Should().Be(0, start.ToString());
        stdout.Text.Split('\n').Count(l => l.StartsWith("listening on ", StringComparison.Ordinal)).Should().Be(1);
        stdout.Text.Should().Contain($"[gate {start.Lines[0]} rehearsal]", "serve narrates to the console");
        exitCode.Should().Be(0, stderr.Text);
    }

    [Fact]
    public async Task Serve_InvalidConfiguration_ListsEveryProblemAndExits2()
    {
        using var stdout = new CapturingWriter();
        using var stderr = new CapturingWriter();
        var context = new CliContext(stdout, stderr) { GetEnvironmentVariable = _ => null };

        var exitCode = await CliApp.RunAsync(["serve", "--store", "mysql:nope", "--node-id", "bad id!"], context);

        exitCode.Should().Be(2);
        stderr.Text.Should().Contain("Runbook__Store").And.Contain("Runbook__NodeId");
        stdout.Text.Should().NotContain("listening on");
    }
}
