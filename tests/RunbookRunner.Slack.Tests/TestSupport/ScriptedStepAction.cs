using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Slack.Tests.TestSupport;

/// <summary>
/// A step action under a real action type whose outcome the test scripts: the war room is tested here, the real
/// actions against real processes and servers in their own project.
/// </summary>
internal sealed class ScriptedStepAction(string type, Func<ActionContext, Task<ActionResult>> behaviour) : IStepAction
{
    private int _calls;

    public ActionDescriptor Descriptor { get; } = ActionCatalog.Find(type) ?? throw new ArgumentException($"unknown action type {type}");

    public int Calls => Volatile.Read(ref _calls);

    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return behaviour(context);
    }

    public Task<ActionResult> SimulateAsync(ActionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ActionResult.Success($"simulated {Descriptor.Type}"));

    public static ScriptedStepAction Succeeding(string type, string summary = "done") =>
        new(type, _ => Task.FromResult(ActionResult.Success(summary)));

    /// <summary>Fails its first <paramref name="failures"/> attempts, logging <paramref name="logLines"/> each time, then succeeds.</summary>
    public static ScriptedStepAction FailingFirst(string type, int failures, params string[] logLines) =>
        new(type, context =>
        {
            if (context.Attempt > failures)
            {
                return Task.FromResult(ActionResult.Success("recovered"));
            }

            foreach (var line in logLines)
            {
                context.Log.Write(line);
            }

            return Task.FromResult(ActionResult.Failure($"exit code 1 on attempt {context.Attempt}"));
        });
}
