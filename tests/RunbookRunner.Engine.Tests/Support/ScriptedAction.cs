using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Engine.Tests.Support;

/// <summary>
/// A step action whose behaviour the test scripts, registered under a real action type so runbooks
/// validate; the real actions are tested against real processes and servers in their own project.
/// </summary>
internal sealed class ScriptedAction(string type, Func<ActionContext, CancellationToken, Task<ActionResult>> behaviour) : IStepAction
{
    public ActionDescriptor Descriptor { get; } = ActionCatalog.Find(type) ?? throw new ArgumentException($"unknown action type {type}");

    public List<string> Calls { get; } = [];

    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken = default)
    {
        lock (Calls)
        {
            Calls.Add(context.IdempotencyKey);
        }

        return behaviour(context, cancellationToken);
    }

    public Task<ActionResult> SimulateAsync(ActionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ActionResult.Success($"simulated {Descriptor.Type}"));

    public static ScriptedAction Succeeding(string type) => new(type, (_, _) => Task.FromResult(ActionResult.Success("done")));

    /// <summary>Never finishes until cancelled: an attempt in flight when its node dies.</summary>
    public static ScriptedAction Hanging(string type) => new(type, async (_, ct) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        return ActionResult.Failure("unreachable");
    });
}
