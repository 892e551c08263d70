using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Cli;

/// <summary>The <c>runbook</c> CLI as a client of a running server (and <c>tokens</c> on its store); SQLite and PostgreSQL.</summary>
public abstract class CliTests : IAsyncLifetime
{
    private const string Undo = """
        name: undo
        roles:
          release: [U2]
        steps:
          - id: change
            action: shell
            with: { run: "true" }
            undo: { action: shell, with: { run: "true" } }
          - id: go
            approval: { roles: [release], required: 1 }
        """;

    private ServerHost? _server;
    private string _store = "";
    private string _folder = "";

    private ServerHost Server => _server!;

    public async Task InitializeAsync()
    {
        _store = await NewStoreAsync();
        _server = await ServerHost.StartAsync(_store);
        _folder = Directory.CreateTempSubdirectory("rbk-cli-").FullName;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Cli_TokensStartStatusApprove_DriveARunToItsEnd()
    {
        var operatorToken = await CliRunner.RunAsync("tokens", "create", "--role", "operator", "--name", "lead", "--as", "U1", "--store", _store);
        var approverToken = await CliRunner.RunAsync("tokens", "create", "--role", "approver", "--as", "U2", "--store", _store);
        var file = await WriteAsync("gate.yaml", TestRunbooks.Gate);

        var start = await Client("start", file, "--rehearsal", "--t0", "now", "--token", operatorToken.Lines[0]);
        var runId = start.Lines[0];
        await RunApi.WaitForAsync(Server.Client(operatorToken.Lines[0]), runId, r => r.Step("go").State == StepStates.AwaitingApproval, "go awaits approval");
        var statusJson = await Client("status", runId, "--format", "json", "--token", operatorToken.Lines[0]);
        var statusText = await Client("status", runId, "--token", operatorToken.Lines[0]);
        var approve = await Client("approve", runId, "go", "--reason", "all green", "--token", approverToken.Lines[0]);
        var done = await RunApi.WaitForAsync(Server.Client(operatorToken.Lines[0]), runId, r => RunStates.IsTerminal(r.State), "finished");
        var finalStatus = await Client("status", runId, "--token", operatorToken.Lines[0]);
        var runs = await Client("runs", "--token", operatorToken.Lines[0]);
        var report = await Client("report", runId, "--token", operatorToken.Lines[0]);
        var reportJson = await Client("report", runId, "--format", "json", "--token", operatorToken.Lines[0]);

        operatorToken.ExitCode.Should().Be(0, operatorToken.ToString());
        operatorToken.Lines.Should().ContainSingle().Which.Should().StartWith("rbk_");
        approverToken.Lines.Should().ContainSingle().Which.Should().StartWith("rbk_");
        start.ExitCode.Should().Be(0, start.ToString());
        runId.Should().MatchRegex("^[0-9a-z]{26}$");
        using (var json = JsonDocument.Parse(statusJson.Stdout))
        {
            json.RootElement.GetProperty("id").GetString().Should().Be(runId);
            json.RootElement.GetProperty("state").GetString().Should().Be("running");
            var step = json.RootElement.GetProperty("steps")[0];
            step.GetProperty("id").GetString().Should().Be("go");
            step.GetProperty("state").GetString().Should().Be("awaiting_approval");
            step.GetProperty("attempts").GetInt32().Should().Be(0);
        }

        statusText.ExitCode.Should().Be(0);
        statusText.Stdout.Should().Contain("RUNNING").And.Contain("awaiting_approval").And.Contain("approval go: 1 more of 1 needed from U1, U2");
        approve.ExitCode.Should().Be(0, approve.ToString());
        approve.Stdout.Should().Contain("go: approved");
        done.State.Should().Be(RunStates.Succeeded);
        finalStatus.ExitCode.Should().Be(0);
        runs.Stdout.Should().Contain(runId).And.Contain("succeeded");
        report.ExitCode.Should().Be(0, report.ToString());
        report.Stdout.Should().StartWith("# Launch report: gate (rehearsal)").And.Contain("**The run succeeded.**")
            .And.Contain("approved by U2 at").And.Contain("via cli").And.Contain("| `after` | succeeded |");
        using (var json = JsonDocument.Parse(reportJson.Stdout))
        {
            json.RootElement.GetProperty("runId").GetString().Should().Be(runId);
            json.RootElement.GetProperty("approvals")[0].GetProperty("grants")[0].GetProperty("by").GetString().Should().Be("U2");
            json.RootElement.GetProperty("audit").EnumerateArray().Should().Contain(a => a.GetProperty("action").GetString() == "approve");
        }
    }

    [Fact]
    public async Task Cli_RefusedCommandsAndEndedRuns_GiveTheirExitCodes()
    {
        var operatorToken = (await CliRunner.RunAsync("tokens", "create", "--role", "operator", "--name", "ops-bot", "--store", _store)).Lines[0];
        var broken = await WriteAsync("broken.yaml", "name: broken\nsteps:\n  - id: a\n    wait: soon\n");
        var gate = await WriteAsync("gate.yaml", TestRunbooks.Gate);
        var undo = await WriteAsync("undo.yaml", Undo);

        var invalid = await Client("start", broken, "--token", operatorToken);
        var missingFile = await Client("start", "nowhere/else.yaml", "--token", operatorToken);
        var unknownRun = await Client("status", "01jzzzzzzzzzzzzzzzzzzzzzzz", "--token", operatorToken);
        var anonymous = await Client("runs");
        var abortedRun = (await Client("start", gate, "--rehearsal", "--token", operatorToken)).Lines[0];
        var refusedApprove = await Client("approve", abortedRun, "go", "--token", operatorToken);
        var abort = await Client("abort", abortedRun, "--reason", "launch moved", "--token", operatorToken);
        var abortAgain = await Client("abort", abortedRun, "--token", operatorToken);
        var abortedStatus = await Client("status", abortedRun, "--token", operatorToken);
        var rolledRun = (await Client("start", undo, "--rehearsal", "--token", operatorToken)).Lines[0];
        await RunApi.WaitForAsync(Server.Client(operatorToken), rolledRun, r => r.Step("go").State == StepStates.AwaitingApproval, "go awaits approval");
        var rollback = await Client("rollback", rolledRun, "--token", operatorToken);
        await RunApi.WaitForAsync(Server.Client(operatorToken), rolledRun, r => RunStates.IsTerminal(r.State), "rolled back");
        var rolledStatus = await Client("status", rolledRun, "--token", operatorToken);

        invalid.ExitCode.Should().Be(2, invalid.ToString());
        invalid.Stderr.Should().Contain($"{broken}:4:");
        invalid.Stdout.Should().BeEmpty();
        missingFile.ExitCode.Should().Be(2);
        unknownRun.ExitCode.Should().Be(2);
        unknownRun.Stderr.Should().Contain("run_not_found");
        anonymous.ExitCode.Should().Be(1);
        anonymous.Stderr.Should().Contain("unauthenticated");
        refusedApprove.ExitCode.Should().Be(1);
        refusedApprove.Stderr.Should().Contain("forbidden").And.Contain("needs approver");
        abort.ExitCode.Should().Be(0, abort.ToString());
        abortAgain.ExitCode.Should().Be(1);
        abortAgain.Stderr.Should().Contain("illegal_state");
        abortedStatus.ExitCode.Should().Be(1);
        abortedStatus.Stdout.Should().Contain("ABORTED").And.Contain("launch moved");
        rollback.ExitCode.Should().Be(0, rollback.ToString());
        rolledStatus.ExitCode.Should().Be(3, rolledStatus.ToString());
        rolledStatus.Stdout.Should().Contain("ROLLED_BACK").And.Contain("change (undo): succeeded");
    }

    protected abstract Task<string> NewStoreAsync();

    private Task<CliResult> Client(params string[] args) => CliRunner.RunAsync([.. args, "--url", Server.Url]);

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
