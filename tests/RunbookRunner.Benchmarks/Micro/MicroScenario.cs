using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RunbookRunner.Benchmarks.Harness;

namespace RunbookRunner.Benchmarks.Micro;

/// <summary>
/// Runs the BenchmarkDotNet classes in this process (no generated project to build on a busy machine) and
/// turns each mean into a figure; each BenchmarkDotNet iteration is one repetition.
/// </summary>
internal static class MicroScenario
{
    public static void Run(BenchOptions options, FigureBook book)
    {
        var job = (options.Quick ? Job.ShortRun.WithWarmupCount(1).WithIterationCount(3) : Job.ShortRun.WithIterationCount(options.Repetitions < 5 ? 5 : options.Repetitions))
            .WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(NullLogger.Instance)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        var summary = BenchmarkRunner.Run([typeof(DeciderBenchmarks), typeof(LoaderBenchmarks), typeof(PlannerBenchmarks)], config);
        foreach (var s in summary)
        {
            foreach (var report in s.Reports)
            {
                var name = $"micro.{report.BenchmarkCase.Descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal)}.{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}";
                var iterations = report.AllMeasurements
                    .Where(m => m.IterationMode == BenchmarkDotNet.Engines.IterationMode.Workload && m.IterationStage == BenchmarkDotNet.Engines.IterationStage.Result)
                    .Select(m => m.Nanoseconds / m.Operations / 1000.0)
                    .ToList();
                if (iterations.Count == 0)
                {
                    Console.WriteLine($"  {name}: no result ({string.Join("; ", report.ExecuteResults.SelectMany(r => r.Results).Take(3))})");
                    continue;
                }

                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                book.Add(name, "µs/op", iterations, note: allocated is { } b ? $"{b / 1024.0:0.#} KB allocated per op" : null);
            }
        }
    }
}
