using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Integration.Tests.Security;

/// <summary>
/// 100,000 seeded inputs for the runbook loader, mutated from the shipped runbooks and generated from the language's
/// keys: it must never throw, never hit its internal-error path, finish each input within a bound, and give every
/// diagnostic a position. Two workers share the inputs; a failure names the seed and index to replay it.
/// </summary>
public sealed class LoaderFuzzTests
{
    private const int Inputs = 100_000;
    private const int Seed = 20261122;
    private static readonly TimeSpan PerInputBound = TimeSpan.FromSeconds(5);

    // Far above any real input (the slowest take milliseconds) and far below a stuck test run.
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Load_100000MutatedAndGeneratedInputs_NeverCrashHangOrLoseAPosition()
    {
        var corpus = LoaderFuzzCorpus.Create(RepositoryRunbooks());
        var workers = Math.Max(2, Environment.ProcessorCount);
        var failures = new ConcurrentQueue<string>();
        var current = new (int Index, long StartedTicks)[workers];
        long slowestTicks = 0;
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(() =>
        {
            for (var i = w; i < Inputs; i += workers)
            {
                // Each input is a pure function of (seed, index): any failure replays alone.
                var text = corpus.Input(Seed, i);
                current[w] = (i, Stopwatch.GetTimestamp());
                var result = RunbookLoader.Load(text, "fuzz.yaml");
                var elapsed = Stopwatch.GetElapsedTime(current[w].StartedTicks);
                current[w] = (i, 0);
                InterlockedMax(ref slowestTicks, elapsed.Ticks);
                if (elapsed > PerInputBound)
                {
                    failures.Enqueue($"input {i} took {elapsed.TotalMilliseconds:F0} ms");
                }

                foreach (var d in result.Diagnostics)
                {
                    if (d.Code == DiagnosticCodes.InternalError || d.Location.Line < 1 || d.Location.Column < 1 || d.Location.File != "fuzz.yaml")
                    {
                        failures.Enqueue($"input {i}: {d} ({d.Code} at {d.Location.Line}:{d.Location.Column})");
                    }
                }

                if (result.Runbook is null && !result.HasErrors)
                {
                    failures.Enqueue($"input {i}: no runbook and no error");
                }

                if (failures.Count > 20)
                {
                    return;
                }
            }
        })).ToArray();

        // A watchdog instead of a total deadline: the run's length depends on the machine, a hang does not.
        var all = Task.WhenAll(tasks);
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System));
            for (var w = 0; w < workers; w++)
            {
                var (index, started) = current[w];
                if (!all.IsCompleted && started != 0 && Stopwatch.GetElapsedTime(started) > HangBound)
                {
                    throw new TimeoutException($"input {index} has been loading for over {HangBound.TotalSeconds:F0} s: a hang (seed {Seed}; replay with LoaderFuzzCorpus.Input)");
                }
            }
        }

        await all;
        failures.Should().BeEmpty($"seed {Seed}; replay with LoaderFuzzCorpus.Input(seed, index)");
        TimeSpan.FromTicks(slowestTicks).Should().BeLessThan(PerInputBound);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private static IReadOnlyList<string> RepositoryRunbooks()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RunbookRunner.sln")))
        {
            folder = folder.Parent;
        }

        folder.Should().NotBeNull("the tests run inside the repository");
        var files = Directory.GetFiles(Path.Combine(folder!.FullName, "runbooks"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        files.Should().NotBeEmpty();
        return [.. files.Select(f => File.ReadAllText(f, Encoding.UTF8))];
    }
}
