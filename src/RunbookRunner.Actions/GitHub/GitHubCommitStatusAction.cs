using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;
using RunbookRunner.GitHub;

namespace RunbookRunner.Actions.GitHub;

/// <summary>
/// <c>github.commit_status</c> (a gate): the combined status and every check run of <c>ref</c> must be in <c>state</c>
/// (default <c>success</c>: green). The summary names failing and pending contexts. Outputs: <c>state</c>, <c>sha</c>.
/// </summary>
public sealed class GitHubCommitStatusAction : GitHubStepAction
{
    private static readonly string[] States = ["success", "pending", "failure"];

    public GitHubCommitStatusAction(IGitHubClient client)
        : base(client)
    {
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("github.commit_status");

    protected override async Task<ActionResult> ExecuteGitHubAsync(ActionContext context, ParameterReader parameters, IGitHubClient client, GitHubRepository repository, CancellationToken cancellationToken)
    {
        var (reference, expected) = Read(parameters);
        var health = await client.GetRefHealthAsync(repository, reference, cancellationToken).ConfigureAwait(false);
        var state = health.IsGreen ? "success"
            : health.FailingStatuses.Count > 0 || health.FailingCheckRuns.Count > 0 ? "failure"
            : "pending";
        foreach (var status in health.Statuses)
        {
            context.Log.Write($"status {status.Context}: {status.State.ToString().ToLowerInvariant()}");
        }

        foreach (var run in health.CheckRuns)
        {
            context.Log.Write($"check {run.Name}: {run.Status}{(run.Conclusion is null ? string.Empty : " / " + run.Conclusion)}");
        }

        var outputs = new Dictionary<string, string> { ["state"] = state, ["sha"] = health.Sha };
        var summary = $"{repository}@{health.Summary}";
        return state == expected
            ? ActionResult.Success(summary, outputs)
            : ActionResult.Failure($"{summary} (expected {expected})", retryable: true, outputs);
    }

    protected override ActionResult Simulate(ActionContext context, ParameterReader parameters, GitHubRepository repository)
    {
        var (reference, expected) = Read(parameters);
        LogSimulated(context, $"would check that {repository}@{reference} is {expected} (combined status and check runs)");
        return ActionResult.Success(
            $"simulated: {repository}@{reference} is {expected}",
            new Dictionary<string, string> { ["state"] = expected, ["sha"] = new string('0', 40) });
    }

    private static (string Ref, string State) Read(ParameterReader p)
    {
        var state = p.OptionalString("state", "success").Trim().ToLowerInvariant();
        if (!States.Contains(state))
        {
            throw new ActionParameterException($"parameter 'state' is '{state}'; use success, pending or failure");
        }

        return (p.RequiredString("ref"), state);
    }
}
