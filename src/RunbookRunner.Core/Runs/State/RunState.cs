using System.Collections.Immutable;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Settings;

namespace RunbookRunner.Core.Runs.State;

/// <summary>
/// Everything known about a run, folded from its journal with <see cref="Apply"/>. Immutable: every
/// event gives a new state, so a decision can be computed and thrown away without side effects.
/// </summary>
public sealed partial record RunState
{
    public required string RunId { get; init; }

    public required Runbook Runbook { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Scheduled;

    public DateTimeOffset T0 { get; init; }

    public string? Environment { get; init; }

    public string StartedBy { get; init; } = "";

    public bool Rehearsal { get; init; }

    /// <summary>Variable and secret-source replacements and the working directory chosen at start.</summary>
    public RunSettings Settings { get; init; } = RunSettings.None;

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? PauseReason { get; init; }

    /// <summary>What a paused run returns to: running, or rolling back when it paused during a rollback.</summary>
    public RunStatus ResumeTo { get; init; } = RunStatus.Running;

    /// <summary>The step whose failure or interruption paused the run; null for a pause by a person.</summary>
    public string? PausedForStep { get; init; }

    /// <summary>The reason the run ended (failed, aborted).</summary>
    public string? EndReason { get; init; }

    public ImmutableDictionary<string, StepState> Steps { get; init; } = ImmutableDictionary<string, StepState>.Empty;

    public ImmutableDictionary<string, ApprovalState> Approvals { get; init; } = ImmutableDictionary<string, ApprovalState>.Empty;

    public ImmutableDictionary<string, GuardState> Guards { get; init; } = ImmutableDictionary<string, GuardState>.Empty;

    /// <summary>Ids of steps in the order they completed, for reverse-order undo.</summary>
    public ImmutableList<string> CompletionOrder { get; init; } = [];

    public RollbackState? Rollback { get; init; }

    /// <summary>Number of events folded in; the journal sequence of the last one.</summary>
    public long Version { get; init; }

    /// <summary>A fresh state for a run of <paramref name="runbook"/>, before its first event.</summary>
    public static RunState Initial(string runId, Runbook runbook)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        return new RunState
        {
            RunId = runId,
            Runbook = runbook,
            Steps = runbook.Steps.ToImmutableDictionary(s => s.Id, s => new StepState(s.Id)),
            Guards = runbook.Guards.ToImmutableDictionary(g => g.Id, g => new GuardState(g.Id)),
        };
    }

    public StepState Step(string id) => Steps[id];

    public bool IsTerminal => Status.IsTerminal();

    /// <summary>Steps whose attempt is in flight.</summary>
    public IEnumerable<StepState> RunningSteps => Steps.Values.Where(s => s.Status == StepStatus.Running);

    /// <summary>The time of a step's anchor in this run, if it has one.</summary>
    public DateTimeOffset? AnchorOf(Step step) => step?.At?.ResolveAgainst(T0);
}
