using RunbookRunner.Benchmarks.Harness;

namespace RunbookRunner.Benchmarks.Scenarios;

/// <summary>Wall time of <c>runbook rehearse launch-day.yaml --speed max --approve-all</c> and <c>runbook validate runbooks/</c>, process start included.</summary>
internal static class CliScenario
{
    public static async Task RunAsync(BenchOptions options, FigureBook book, CancellationToken cancellationToken)
    {
        // One untimed run of each warms the disk cache, as an operator's second invocation would be.
        await CliRun.RunAsync(["validate", "runbooks/"], cancellationToken: cancellationToken).ConfigureAwait(false);
        var rehearsals = new List<double>();
        var rehearsalCpu = new List<double>();
        var events = "";
        for (var i = 0; i < options.Repetitions; i++)
        {
            var result = await CliRun.RunAsync(["rehearse", "runbooks/launch-day.yaml", "--speed", "max", "--approve-all"], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"rehearse exited {result.ExitCode}: {result.Stderr}");
            }

            events = result.Stdout.Split('\n').LastOrDefault(l => l.Contains("journal events", StringComparison.Ordinal))?.Trim() ?? "";
            rehearsals.Add(result.Wall.TotalSeconds);
            rehearsalCpu.Add(result.Cpu?.TotalSeconds ?? double.NaN);
        }

        book.Add("rehearsal.launch-day.wall", "s", rehearsals, target: 3, reference: "before this work: ~11 s", note: events);
        book.Add("rehearsal.launch-day.cpu", "s", rehearsalCpu, note: "user + system CPU time of the process: unlike wall time, independent of other processes competing for the cores");

        var validations = new List<double>();
        var validationCpu = new List<double>();
        for (var i = 0; i < options.Repetitions; i++)
        {
            var result = await CliRun.RunAsync(["validate", "runbooks/"], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"validate exited {result.ExitCode}: {result.Stderr}");
            }

            validations.Add(result.Wall.TotalSeconds);
            validationCpu.Add(result.Cpu?.TotalSeconds ?? double.NaN);
        }

        book.Add("validate.runbooks.cpu", "s", validationCpu, note: "user + system CPU time");

        book.Add("validate.runbooks.wall", "s", validations, reference: "`runbook --version` start-up of the same CLI");
        var versions = new List<double>();
        for (var i = 0; i < options.Repetitions; i++)
        {
            versions.Add((await CliRun.RunAsync(["--version"], cancellationToken: cancellationToken).ConfigureAwait(false)).Wall.TotalSeconds);
        }

        book.Add("cli.startup.wall", "s", versions, note: "runbook --version: the process start every CLI figure includes");
    }
}
