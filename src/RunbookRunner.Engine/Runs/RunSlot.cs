using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Execution;

namespace RunbookRunner.Engine.Runs;

/// <summary>One run's place on this node: a gate so decisions on it are made one at a time, and the cached state.</summary>
internal sealed class RunSlot : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public RunState? State { get; set; }

    public RunContext? Context { get; set; }

    public void Dispose() => Gate.Dispose();
}
