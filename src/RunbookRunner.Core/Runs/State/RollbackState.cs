using System.Collections.Immutable;

namespace RunbookRunner.Core.Runs.State;

/// <summary>A rollback in progress: planned once no step is running any more.</summary>
public sealed record RollbackState(string Reason, DateTimeOffset StartedAt)
{
    /// <summary>Null until planned.</summary>
    public ImmutableList<CompensationState>? Items { get; init; }

    public bool IsPlanned => Items is not null;
}
