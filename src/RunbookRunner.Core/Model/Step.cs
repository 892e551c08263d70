using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Model;

/// <summary>One step of a runbook: an action, an approval, a manual task or a wait.</summary>
public sealed record Step
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public StepKind Kind { get; init; }

    /// <summary>Earliest start relative to T0; null starts as soon as dependencies are done.</summary>
    public TimeAnchor? At { get; init; }

    /// <summary>Explicit dependencies; null means "the previous step".</summary>
    public IReadOnlyList<string>? After { get; init; }

    public ActionCall? Action { get; init; }

    /// <summary>Approval asked before the step runs (or the whole step, for <see cref="StepKind.Approval"/>).</summary>
    public ApprovalSpec? Approval { get; init; }

    public ManualSpec? Manual { get; init; }

    public TimeSpan? Wait { get; init; }

    /// <summary>Checks whose evidence is shown with the approval; a failed gate blocks approval.</summary>
    public IReadOnlyList<ActionCall> Gates { get; init; } = [];

    public TimeSpan? Timeout { get; init; }

    public RetryPolicy? Retry { get; init; }

    public FailurePolicy? OnFailure { get; init; }

    /// <summary>Overrides the action's own idempotency; false means never re-run after a crash without a person.</summary>
    public bool? Idempotent { get; init; }

    /// <summary>Compensation run when the run rolls back after this step completed.</summary>
    public ActionCall? Undo { get; init; }

    /// <summary>Recurrence interval for a recurring step.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>End of recurrence, relative to T0.</summary>
    public TimeAnchor? Until { get; init; }

    /// <summary>Environments in which the step runs; empty means all. Elsewhere it is skipped.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.None;

    public string DisplayName => Title ?? Manual?.Title ?? Id;

    public bool IsRecurring => Every is not null;
}
