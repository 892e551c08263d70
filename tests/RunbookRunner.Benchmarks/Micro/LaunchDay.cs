using RunbookRunner.Benchmarks.Harness;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Benchmarks.Micro;

/// <summary>The flagship runbook, the input of every micro-benchmark.</summary>
internal static class LaunchDay
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 12, 11, 0, 0, TimeSpan.Zero);

    public static string Path { get; } = System.IO.Path.Combine(RepoPaths.Root, "runbooks", "launch-day.yaml");

    public static string Yaml { get; } = File.ReadAllText(Path);

    public static Runbook Runbook { get; } = RunbookLoader.Load(Yaml, "launch-day.yaml").Runbook
        ?? throw new InvalidOperationException("runbooks/launch-day.yaml does not load");
}
