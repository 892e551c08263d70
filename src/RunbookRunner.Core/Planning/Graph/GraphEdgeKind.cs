namespace RunbookRunner.Core.Planning.Graph;

/// <summary>What an edge of a <see cref="RunbookGraph"/> means.</summary>
public enum GraphEdgeKind
{
    /// <summary>The target waits for the source (<c>after</c>, or the previous step).</summary>
    Dependency,

    /// <summary>An approval gate releases its action step.</summary>
    Approval,

    /// <summary>A step and the undo that reverses it.</summary>
    Undo,

    /// <summary>The order in which a rollback runs undos and rollback steps.</summary>
    Rollback,

    /// <summary>A guard watches from a step on, and what it triggers.</summary>
    Guard,
}
