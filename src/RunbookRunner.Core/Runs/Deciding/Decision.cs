using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Core.Runs.Deciding;

/// <summary>
/// The outcome of <see cref="RunDecider.Decide"/>: events to append (in one transaction), the state
/// after them, and the side effects to perform once they are committed; or an error and nothing else.
/// </summary>
public sealed record Decision(IReadOnlyList<RunEvent> Events, IReadOnlyList<RunCommand> Commands, RunState State, DecisionError? Error)
{
    public bool IsRejected => Error is not null;

    public static Decision Rejected(RunState state, DecisionError error) => new([], [], state, error);
}
