namespace RunbookRunner.Core.Planning;

/// <summary>Where a rollback entry comes from.</summary>
public enum CompensationSource
{
    /// <summary>The <c>undo</c> of a completed step.</summary>
    Undo,

    /// <summary>A step of the runbook's <c>rollback:</c> section.</summary>
    Rollback,
}
