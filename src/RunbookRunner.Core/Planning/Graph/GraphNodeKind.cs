namespace RunbookRunner.Core.Planning.Graph;

/// <summary>What a node of a <see cref="RunbookGraph"/> stands for.</summary>
public enum GraphNodeKind
{
    Action,
    Approval,
    Manual,
    Wait,

    /// <summary>The approval asked before an action step runs.</summary>
    ApprovalGate,

    /// <summary>The undo of a step.</summary>
    Undo,

    /// <summary>A step of the <c>rollback:</c> section.</summary>
    RollbackStep,

    /// <summary>Where a rollback begins.</summary>
    RollbackStart,
    Guard,
}
