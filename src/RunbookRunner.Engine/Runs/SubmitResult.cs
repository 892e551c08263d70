using RunbookRunner.Core.Runs.Deciding;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Engine.Runs;

/// <summary>The outcome of submitting an input: applied (with its events), a duplicate, or refused.</summary>
public sealed record SubmitResult(SubmitOutcome Outcome, RunState State, IReadOnlyList<RunEvent> Events, DecisionError? Error)
{
    public bool Accepted => Outcome is SubmitOutcome.Applied or SubmitOutcome.Duplicate;
}
