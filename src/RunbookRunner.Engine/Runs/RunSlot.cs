using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Execution;

namespace RunbookRunner.Engine.Runs;

/// <summary>One run's place on this node: a gate so decisions on it are made one at a time, and the cached state.</summary>
internal sealed class RunSlot : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public RunState? State { get; set; }

    public RunContext? Context { get; set; }

    /// <summary>The wake this node last set for the run, when <see cref="WakeKnown"/>: an unchanged wake is not set again.</summary>
    public DateTimeOffset? Wake { get; set; }

    public bool WakeKnown { get; set; }

    /// <summary>Forgets the cached state (re-read from the journal when next needed) and what is known of the wake.</summary>
    public void Invalidate()
    {
        State = null;
        Context = null;
        WakeKnown = false;
    }

    public void Dispose() => Gate.Dispose();
}
