using RunbookRunner.Core.Schema;

namespace RunbookRunner.Core.Execution;

/// <summary>
/// A built-in step action (shell, http, github.deployment, ...). Implementations live outside Core;
/// the engine calls them at least once per attempt with the idempotency key <c>run/step/attempt</c>.
/// </summary>
public interface IStepAction
{
    ActionDescriptor Descriptor { get; }

    /// <summary>Runs the action for real. Must honour <paramref name="cancellationToken"/> (the step timeout).</summary>
    Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken = default);

    /// <summary>What the action would do, without side effects, for rehearsals.</summary>
    Task<ActionResult> SimulateAsync(ActionContext context, CancellationToken cancellationToken = default);
}
