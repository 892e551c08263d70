using BenchmarkDotNet.Attributes;
using RunbookRunner.Core.Loading;

namespace RunbookRunner.Benchmarks.Micro;

/// <summary>YAML to a validated model: parse, bind and validate launch-day.yaml.</summary>
[MemoryDiagnoser]
public class LoaderBenchmarks
{
    [Benchmark]
    public LoadResult LoadLaunchDay() => RunbookLoader.Load(LaunchDay.Yaml, "launch-day.yaml");
}
