namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>A node took over this run after a crash: decide what to do with steps that were running there (null: every running step).</summary>
public sealed record Recover(IReadOnlyList<string>? OrphanedSteps = null) : RunInput
{
    /// <summary>
    /// Only attempts executed by this node are orphaned (null: any node). Without it, two nodes recovering the same
    /// dead node's step would both start it again.
    /// </summary>
    public string? FromNode { get; init; }

    /// <summary>
    /// Only attempts started before this instant are orphaned (null: any). A restarted node passes the start of its
    /// new life, so attempts it began since then are left alone.
    /// </summary>
    public DateTimeOffset? StartedBefore { get; init; }
}
