using RunbookRunner.TestKit.Time;

namespace RunbookRunner.Cli.Tests.TestSupport;

/// <summary>Runs the <c>runbook</c> CLI in-process with captured output and a fixed clock.</summary>
internal static class CliRunner
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr) { Time = new ManualTimeProvider(Now) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exitCode = await CliApp.RunAsync(args, context, timeout.Token);
        return new CliResult(exitCode, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
