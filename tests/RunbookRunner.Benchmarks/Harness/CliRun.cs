using System.Diagnostics;

namespace RunbookRunner.Benchmarks.Harness;

/// <summary>Runs the built CLI to completion, timing it from process start to exit.</summary>
internal static class CliRun
{
    /// <summary>The run's outcome; <see cref="Cpu"/> is user + system time of the process when <c>/usr/bin/time</c> measured it.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Wall, TimeSpan? Cpu);

    private const string TimeBinary = "/usr/bin/time";
    private const string CpuMarker = "runbook-bench-cpu ";

    public static async Task<Result> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        // CPU time does not depend on how busy the machine is, wall time does: measure both.
        var timed = File.Exists(TimeBinary);
        var info = new ProcessStartInfo(timed ? TimeBinary : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        if (timed)
        {
            foreach (var arg in new[] { "-f", CpuMarker + "%U %S", "dotnet" })
            {
                info.ArgumentList.Add(arg);
            }
        }

        info.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var started = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"runbook {string.Join(' ', info.ArgumentList.Skip(1))} did not finish in time");
        }

        var wall = started.Elapsed;
        var errors = await stderr.ConfigureAwait(false);
        TimeSpan? cpu = null;
        if (timed && errors.Split('\n').LastOrDefault(l => l.StartsWith(CpuMarker, StringComparison.Ordinal)) is { } line)
        {
            var parts = line[CpuMarker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            cpu = TimeSpan.FromSeconds(parts.Sum(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new Result(process.ExitCode, await stdout.ConfigureAwait(false), errors, wall, cpu);
    }
}
