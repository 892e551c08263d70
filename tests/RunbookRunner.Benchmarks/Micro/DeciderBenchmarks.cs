using BenchmarkDotNet.Attributes;
using RunbookRunner.Core.Runs.Deciding;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Benchmarks.Micro;

/// <summary>The pure state machine on launch-day.yaml: starting a run, and a tick with nothing due mid-run.</summary>
[MemoryDiagnoser]
public class DeciderBenchmarks
{
    private static readonly Actor Lead = new("U04ALICE01", "cli");
    private RunState _created = null!;
    private RunState _started = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = LaunchDay.T0 - TimeSpan.FromHours(6);
        _created = RunState.Initial("run-bench", LaunchDay.Runbook)
            .Apply(new RunCreated(LaunchDay.Runbook.Name, LaunchDay.T0, "production", Lead.Id, false) { At = _now });
        _started = RunDecider.Decide(_created, new StartRun(Lead), _now).State;
    }

    [Benchmark]
    public Decision DecideStart() => RunDecider.Decide(_created, new StartRun(Lead), _now);

    [Benchmark]
    public Decision DecideTick() => RunDecider.Decide(_started, new Tick(), _now + TimeSpan.FromMinutes(1));
}
