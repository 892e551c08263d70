using System.Globalization;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Schema;
using RunbookRunner.GitHub;
using RunbookRunner.GitHub.Workflows;

namespace RunbookRunner.Actions.GitHub;

/// <summary>
/// <c>github.workflow</c>: dispatches <c>workflow</c> (file name or id) on <c>ref</c> with <c>inputs</c>; with <c>wait: true</c>
/// polls the run until it completes and fails unless it concluded <c>success</c>.
/// Outputs: <c>run_id</c>, <c>conclusion</c>, <c>html_url</c>.
/// </summary>
public sealed class GitHubWorkflowAction : GitHubStepAction
{
    private readonly TimeProvider _time;
    private readonly ActionsOptions _options;

    public GitHubWorkflowAction(IGitHubClient client, IOptions<ActionsOptions> options, TimeProvider time)
        : base(client)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _options = options.Value;
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("github.workflow");

    protected override async Task<ActionResult> ExecuteGitHubAsync(ActionContext context, ParameterReader parameters, IGitHubClient client, GitHubRepository repository, CancellationToken cancellationToken)
    {
        var (dispatch, wait) = Read(parameters);
        var result = await client.DispatchWorkflowAsync(repository, dispatch, cancellationToken).ConfigureAwait(false);
        var outputs = new Dictionary<string, string>
        {
            ["run_id"] = result.WorkflowRunId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["html_url"] = result.HtmlUrl ?? string.Empty,
            ["conclusion"] = string.Empty,
        };
        context.Log.Write($"dispatched {dispatch.Workflow} on {dispatch.Ref}{(result.WorkflowRunId is { } id ? $": run {id} {result.HtmlUrl}" : string.Empty)}");
        if (!wait)
        {
            return ActionResult.Success($"dispatched {dispatch.Workflow} on {repository}@{dispatch.Ref}", outputs);
        }

        if (result.WorkflowRunId is not { } runId)
        {
            return ActionResult.Failure("GitHub did not return the run id (a server without return_run_details); use wait: false", retryable: false, outputs);
        }

        string? lastStatus = null;
        while (true)
        {
            await Task.Delay(_options.GitHubPollInterval, _time, cancellationToken).ConfigureAwait(false);
            var run = await client.GetWorkflowRunAsync(repository, runId, cancellationToken).ConfigureAwait(false);
            if (run.Status != lastStatus)
            {
                context.Log.Write($"run {runId}: {run.Status}{(run.Conclusion is null ? string.Empty : " / " + run.Conclusion)}");
                lastStatus = run.Status;
            }

            if (run.IsCompleted)
            {
                outputs["conclusion"] = run.Conclusion ?? string.Empty;
                outputs["html_url"] = run.HtmlUrl ?? outputs["html_url"];
                return run.IsSuccessful
                    ? ActionResult.Success($"{dispatch.Workflow} run {runId} succeeded", outputs)
                    : ActionResult.Failure($"{dispatch.Workflow} run {runId} concluded {run.Conclusion ?? "without a conclusion"}", retryable: false, outputs);
            }
        }
    }

    protected override ActionResult Simulate(ActionContext context, ParameterReader parameters, GitHubRepository repository)
    {
        var (dispatch, wait) = Read(parameters);
        LogSimulated(context, $"would dispatch {dispatch.Workflow} on {repository}@{dispatch.Ref} with {dispatch.Inputs?.Count ?? 0} input(s){(wait ? " and wait for its conclusion" : string.Empty)}");
        return ActionResult.Success(
            $"simulated: {dispatch.Workflow} on {repository}@{dispatch.Ref}",
            new Dictionary<string, string> { ["run_id"] = "0", ["conclusion"] = wait ? "success" : string.Empty, ["html_url"] = string.Empty });
    }

    private static (GitHubWorkflowDispatch Dispatch, bool Wait) Read(ParameterReader p)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (p.OptionalMap("inputs") is { } map)
        {
            foreach (var entry in map.Entries)
            {
                // workflow_dispatch inputs are strings on the wire; structured values travel as JSON text.
                inputs[entry.Key] = entry.Value is ScalarValue s ? s.Text : ParamJson.ToNode(entry.Value)?.ToJsonString() ?? string.Empty;
            }
        }

        if (inputs.Count > GitHubWorkflowDispatch.MaxInputs)
        {
            throw new ActionParameterException($"parameter 'inputs' has {inputs.Count} inputs; GitHub accepts at most {GitHubWorkflowDispatch.MaxInputs}");
        }

        return (new GitHubWorkflowDispatch
        {
            Workflow = p.RequiredString("workflow"),
            Ref = p.RequiredString("ref"),
            Inputs = inputs.Count == 0 ? null : inputs,
        }, p.OptionalBool("wait", false));
    }
}
