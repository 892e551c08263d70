using System.Globalization;
using FluentAssertions;
using RunbookRunner.Actions.Shell;
using RunbookRunner.Actions.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Actions.Tests.Shell;

public sealed class ShellActionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rr-shell-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ShellAction Create(int cap = 64 * 1024) =>
        new(Contexts.Options(o => o.MaxCapturedOutputChars = cap), TimeProvider.System);

    [Fact]
    public async Task ExecuteAsync_ScriptSucceeds_ReportsExitCodeAndStdout()
    {
        var log = new RecordingLog();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("run", "echo one; echo two")), log));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["exit_code"].Should().Be("0");
        result.Outputs["stdout"].Should().Be("one\ntwo\n");
        log.Lines.Should().ContainInOrder("$ echo one; echo two", "one", "two");
    }

    [Fact]
    public async Task ExecuteAsync_UnexpectedExitCode_FailsWithLastStderrLine()
    {
        var log = new RecordingLog();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("run", "echo 'migration 7 failed' >&2; exit 3")), log));

        result.Succeeded.Should().BeFalse();
        result.Error.Should().Be("exit code 3 (expected 0): migration 7 failed");
        result.Outputs["exit_code"].Should().Be("3");
        result.Outputs["stderr"].Should().Be("migration 7 failed\n");
        log.Lines.Should().Contain("[stderr] migration 7 failed");
    }

    [Fact]
    public async Task ExecuteAsync_ExitCodeInExpectExitList_Succeeds()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("run", "exit 3"), ("expect_exit", P.List(0, 3)))));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["exit_code"].Should().Be("3");
    }

    [Fact]
    public async Task ExecuteAsync_ArgvWithCwdAndEnv_RunsProgramDirectlyWithThem()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(
            ("argv", P.List("/bin/sh", "-c", "pwd; echo \"$GREETING\"; echo \"$RUNBOOK_IDEMPOTENCY_KEY\"", "ignored-$0")),
            ("cwd", _dir),
            ("env", P.Map(("GREETING", "hello world")))), step: "migrate", attempt: 2));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["stdout"].Should().Be($"{_dir}\nhello world\nrun-42/migrate/2\n");
    }

    [Fact]
    public async Task ExecuteAsync_ArgvDoesNotGoThroughShell_PassesMetacharactersVerbatim()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("argv", P.List("echo", "$HOME; rm -rf x")))));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["stdout"].Should().Be("$HOME; rm -rf x\n");
    }

    [Fact]
    public async Task ExecuteAsync_OutputPrintedBeforeExit_IsStreamedBeforeTheProcessEnds()
    {
        var gate = Path.Combine(_dir, "go");
        var log = new RecordingLog();
        var run = Create().ExecuteAsync(Contexts.For(P.Map(
            ("run", $"echo ready; while [ ! -f '{gate}' ]; do sleep 0.02; done; echo after")), log));

        await log.WaitForAsync(l => l == "ready");
        run.IsCompleted.Should().BeFalse("the script is still waiting for the gate file");
        log.Lines.Should().NotContain("after");

        await File.WriteAllTextAsync(gate, "x");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        result.Succeeded.Should().BeTrue(result.Error);
        log.Lines.Should().ContainInOrder("ready", "after");
    }

    [Fact]
    public async Task ExecuteAsync_OutputOverCap_KeepsOnlyTheTail()
    {
        var log = new RecordingLog();
        var result = await Create(cap: 4096).ExecuteAsync(Contexts.For(P.Map(("run", "seq 1 50000")), log));

        result.Succeeded.Should().BeTrue(result.Error);
        var stdout = result.Outputs["stdout"];
        stdout.Length.Should().BeLessThanOrEqualTo(4096);
        stdout.Should().EndWith("49999\n50000\n");
        log.Lines.Should().Contain(l => l.StartsWith("note: output longer than 4096", StringComparison.Ordinal));
        log.Lines.Should().Contain("1", "every line is still streamed to the log");
    }

    [Fact]
    public async Task ExecuteAsync_StepTimeout_KillsTheWholeProcessTreeIncludingGrandchildren()
    {
        var log = new RecordingLog();
        using var timeout = new CancellationTokenSource();
        var run = Create().ExecuteAsync(
            Contexts.For(P.Map(("run", "sleep 300 & echo \"child $!\"; sh -c 'sleep 301 & echo \"grandchild $!\"; wait' & wait")), log),
            timeout.Token);

        var child = Pid(await log.WaitForAsync(l => l.StartsWith("child ", StringComparison.Ordinal)));
        var grandchild = Pid(await log.WaitForAsync(l => l.StartsWith("grandchild ", StringComparison.Ordinal)));
        LiveProcesses.IsAlive(child).Should().BeTrue();
        LiveProcesses.IsAlive(grandchild).Should().BeTrue();

        await timeout.CancelAsync();
        var act = () => run.WaitAsync(TimeSpan.FromSeconds(10));

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await LiveProcesses.WaitUntilDeadAsync(child, TimeSpan.FromSeconds(5))).Should().BeTrue("the background sleep must die");
        (await LiveProcesses.WaitUntilDeadAsync(grandchild, TimeSpan.FromSeconds(5))).Should().BeTrue("the nested sleep must die");
        log.Lines.Should().Contain(l => l.StartsWith("cancelled after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_StepTimeout_KillsOrphanedDescendantsThatLeftTheTree()
    {
        // The inner shell exits at once, so its sleep is re-parented away from our tree; only the
        // process-group kill can reach it.
        var log = new RecordingLog();
        using var timeout = new CancellationTokenSource();
        var run = Create().ExecuteAsync(
            Contexts.For(P.Map(("run", "sh -c 'sleep 302 >/dev/null 2>&1 & echo \"orphan $!\"'; sleep 300")), log),
            timeout.Token);

        var orphan = Pid(await log.WaitForAsync(l => l.StartsWith("orphan ", StringComparison.Ordinal)));
        LiveProcesses.IsAlive(orphan).Should().BeTrue();

        await timeout.CancelAsync();
        var act = () => run.WaitAsync(TimeSpan.FromSeconds(10));

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await LiveProcesses.WaitUntilDeadAsync(orphan, TimeSpan.FromSeconds(5))).Should().BeTrue("the orphaned sleep is still in the step's process group");
    }

    [Fact]
    public async Task ExecuteAsync_BackgroundProcessKeepsOutputOpen_ReturnsWhenTheScriptExits()
    {
        var log = new RecordingLog();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("run", "sleep 30 & echo \"bg $!\"")), log))
            .WaitAsync(TimeSpan.FromSeconds(10));

        var pid = Pid(log.Lines.Single(l => l.StartsWith("bg ", StringComparison.Ordinal)));
        try
        {
            result.Succeeded.Should().BeTrue(result.Error);
            log.Lines.Should().Contain(l => l.Contains("still holds the output open", StringComparison.Ordinal));
        }
        finally
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
    }

    [Fact]
    public async Task ExecuteAsync_BothRunAndArgv_FailsWithoutRetry()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("run", "true"), ("argv", P.List("true")))));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Error.Should().Be("give either 'run' or 'argv', not both");
    }

    [Fact]
    public async Task ExecuteAsync_MissingWorkingDirectory_FailsWithoutRetry()
    {
        var missing = Path.Combine(_dir, "nope");
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("run", "true"), ("cwd", missing))));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Error.Should().Be($"working directory '{missing}' does not exist");
    }

    [Fact]
    public async Task ExecuteAsync_BadExpectExit_NamesTheParameter()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("run", "true"), ("expect_exit", P.List(0, "zero")))));

        result.Succeeded.Should().BeFalse();
        result.Error.Should().Be("parameter 'expect_exit[1]' must be a whole number, got 'zero'");
    }

    [Fact]
    public async Task SimulateAsync_Script_DescribesItWithoutRunningIt()
    {
        var marker = Path.Combine(_dir, "touched");
        var log = new RecordingLog();
        var result = await Create().SimulateAsync(Contexts.For(P.Map(("run", $"touch {marker}"), ("cwd", _dir)), log));

        result.Succeeded.Should().BeTrue();
        result.Outputs["exit_code"].Should().Be("0");
        File.Exists(marker).Should().BeFalse();
        log.Lines.Should().Contain($"[rehearsal] would run: touch {marker} in {_dir}");
    }

    private static int Pid(string line) => int.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
}
