using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions;

/// <summary>
/// Base of the built-in actions: turns parameter errors into non-retryable failures so every action
/// reports a bad runbook the same way. Cancellation (the step timeout) propagates as
/// <see cref="OperationCanceledException"/> after the action has cleaned up.
/// </summary>
public abstract class StepAction : IStepAction
{
    public abstract ActionDescriptor Descriptor { get; }

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await ExecuteCoreAsync(context, new ParameterReader(context.Parameters), cancellationToken).ConfigureAwait(false);
        }
        catch (ActionParameterException ex)
        {
            context.Log.Write($"error: {ex.Message}");
            return ActionResult.Failure(ex.Message, retryable: false);
        }
    }

    public async Task<ActionResult> SimulateAsync(ActionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await SimulateCoreAsync(context, new ParameterReader(context.Parameters), cancellationToken).ConfigureAwait(false);
        }
        catch (ActionParameterException ex)
        {
            context.Log.Write($"error: {ex.Message}");
            return ActionResult.Failure(ex.Message, retryable: false);
        }
    }

    protected abstract Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken);

    protected abstract Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken);

    /// <summary>Logs a simulation line in one recognisable form.</summary>
    protected static void LogSimulated(ActionContext context, string line)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Log.Write("[rehearsal] " + line);
    }
}
