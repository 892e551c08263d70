namespace RunbookRunner.Core.Runs.Events;

/// <summary>An attempt of an action step (or a wait) began. <paramref name="Anchor"/> is the planned time for anchored steps, for lateness.</summary>
public sealed record StepStarted(string StepId, int Attempt, DateTimeOffset? Anchor = null) : RunEvent
{
    /// <summary>The engine node that executes this attempt, stamped by the engine (the decider knows no nodes).</summary>
    public string? Node { get; init; }
}
