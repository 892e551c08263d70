using RunbookRunner.Cli;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>Runs the <c>runbook</c> CLI in this process against a server, with captured output and no ambient environment.</summary>
internal static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(TimeSpan.FromSeconds(60), args);

    public static async Task<CliResult> RunAsync(TimeSpan limit, params string[] args)
    {
        using var stdout = new CapturingWriter();
        using var stderr = new CapturingWriter();
        var context = new CliContext(stdout, stderr) { GetEnvironmentVariable = _ => null };
        using var timeout = new CancellationTokenSource(limit);
        var exitCode = await CliApp.RunAsync(args, context, timeout.Token);
        return new CliResult(exitCode, stdout.Text, stderr.Text);
    }
}

/// <summary>What a CLI invocation printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
