using BenchmarkDotNet.Attributes;
using RunbookRunner.Core.Planning;

namespace RunbookRunner.Benchmarks.Micro;

/// <summary>The timeline of launch-day.yaml for a given T0.</summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    [Benchmark]
    public RunPlan PlanLaunchDay() => RunPlanner.Plan(LaunchDay.Runbook, LaunchDay.T0, "production");
}
