using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;
using RunbookRunner.GitHub;
using RunbookRunner.GitHub.Deployments;

namespace RunbookRunner.Actions.GitHub;

/// <summary>
/// <c>github.deployment</c>: creates a deployment of <c>ref</c> to <c>environment</c> (payload carries the run, step and
/// idempotency key) and posts <c>in_progress</c> with the run's URL as <c>log_url</c>. Without <c>wait</c> the runbook is
/// the deployer and posts <c>success</c> at once; with <c>wait: true</c> it polls until an external deployer posts a final
/// state and succeeds only on <c>success</c>. Outputs: <c>deployment_id</c>, <c>sha</c>, <c>state</c>, <c>environment</c>.
/// </summary>
public sealed class GitHubDeploymentAction : GitHubStepAction
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly ActionsOptions _options;

    public GitHubDeploymentAction(IGitHubClient client, IOptions<ActionsOptions> options, TimeProvider time)
        : base(client)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _options = options.Value;
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("github.deployment");

    protected override async Task<ActionResult> ExecuteGitHubAsync(ActionContext context, ParameterReader parameters, IGitHubClient client, GitHubRepository repository, CancellationToken cancellationToken)
    {
        var spec = Read(parameters, context);
        var deployment = await client.CreateDeploymentAsync(repository, new NewDeployment
        {
            Ref = spec.Ref,
            Environment = spec.Environment,
            Description = spec.Description,
            Payload = spec.Payload,
        }, cancellationToken).ConfigureAwait(false);
        var shortSha = deployment.Sha.Length > 7 ? deployment.Sha[..7] : deployment.Sha;
        context.Log.Write($"created deployment {deployment.Id} of {spec.Ref} ({shortSha}) to {spec.Environment}");
        var outputs = new Dictionary<string, string>
        {
            ["deployment_id"] = deployment.Id.ToString(CultureInfo.InvariantCulture),
            ["sha"] = deployment.Sha,
            ["environment"] = spec.Environment,
        };

        await PostAsync(client, repository, deployment.Id, GitHubDeploymentState.InProgress, $"Runbook step {context.StepId} started", context, cancellationToken).ConfigureAwait(false);

        if (!spec.Wait)
        {
            await PostAsync(client, repository, deployment.Id, GitHubDeploymentState.Success, $"Deployed by runbook step {context.StepId}", context, cancellationToken).ConfigureAwait(false);
            outputs["state"] = "success";
            return ActionResult.Success($"deployment {deployment.Id} of {spec.Ref} ({shortSha}) to {spec.Environment} recorded as success", outputs);
        }

        context.Log.Write($"waiting for the deployer to finish deployment {deployment.Id} (polling every {_options.GitHubPollInterval.TotalSeconds:0.#}s)");
        GitHubDeploymentState? lastState = GitHubDeploymentState.InProgress;
        try
        {
            while (true)
            {
                await Task.Delay(_options.GitHubPollInterval, _time, cancellationToken).ConfigureAwait(false);
                var latest = await client.GetLatestDeploymentStatusAsync(repository, deployment.Id, cancellationToken).ConfigureAwait(false);
                if (latest is null)
                {
                    continue;
                }

                if (latest.State != lastState)
                {
                    context.Log.Write($"deployment {deployment.Id}: {Wire(latest.State)}{(latest.Description is null ? string.Empty : " - " + latest.Description)}");
                    lastState = latest.State;
                }

                if (latest.IsFinal)
                {
                    outputs["state"] = Wire(latest.State);
                    return latest.State == GitHubDeploymentState.Success
                        ? ActionResult.Success($"deployment {deployment.Id} of {spec.Ref} ({shortSha}) to {spec.Environment} succeeded", outputs)
                        : ActionResult.Failure($"deployment {deployment.Id} of {spec.Ref} to {spec.Environment} ended {Wire(latest.State)}{(latest.Description is null ? string.Empty : ": " + latest.Description)}", retryable: false, outputs);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Leave a trace on GitHub that the runbook stopped waiting; bounded, and never masking the timeout.
            using var cleanup = new CancellationTokenSource(CleanupTimeout);
            try
            {
                await PostAsync(client, repository, deployment.Id, GitHubDeploymentState.Error, $"Runbook step {context.StepId} timed out waiting for the deployer", context, cleanup.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RunbookRunner.GitHub.Errors.GitHubApiException or HttpRequestException or OperationCanceledException)
            {
                context.Log.Write($"could not mark deployment {deployment.Id} as error: {ex.Message}");
            }

            throw;
        }
    }

    protected override ActionResult Simulate(ActionContext context, ParameterReader parameters, GitHubRepository repository)
    {
        var spec = Read(parameters, context);
        LogSimulated(context, $"would create a deployment of {repository}@{spec.Ref} to {spec.Environment} and post in_progress (log_url {context.RunUrl ?? "none"})");
        LogSimulated(context, spec.Wait ? "would wait for the deployer to report success or failure" : "would post success");
        return ActionResult.Success(
            $"simulated: deployment of {spec.Ref} to {spec.Environment}",
            new Dictionary<string, string>
            {
                ["deployment_id"] = "0",
                ["sha"] = new string('0', 40),
                ["state"] = "success",
                ["environment"] = spec.Environment,
            });
    }

    private static async Task PostAsync(IGitHubClient client, GitHubRepository repository, long id, GitHubDeploymentState state, string description, ActionContext context, CancellationToken cancellationToken)
    {
        await client.CreateDeploymentStatusAsync(repository, id, new NewDeploymentStatus
        {
            State = state,
            LogUrl = context.RunUrl,
            Description = description,
        }, cancellationToken).ConfigureAwait(false);
        context.Log.Write($"deployment {id}: posted {Wire(state)}");
    }

    private static string Wire(GitHubDeploymentState state) => state switch
    {
        GitHubDeploymentState.InProgress => "in_progress",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static DeploymentSpec Read(ParameterReader p, ActionContext context)
    {
        var payload = p.Raw("payload") is { } raw ? ParamJson.ToNode(raw) : new JsonObject();
        if (payload is JsonObject obj && !obj.ContainsKey("runbook"))
        {
            obj["runbook"] = new JsonObject
            {
                ["run_id"] = context.RunId,
                ["step_id"] = context.StepId,
                ["idempotency_key"] = context.IdempotencyKey,
            };
        }

        return new DeploymentSpec(
            p.RequiredString("ref"),
            p.OptionalString("environment", "production"),
            p.OptionalString("description"),
            payload,
            p.OptionalBool("wait", false));
    }

    private sealed record DeploymentSpec(string Ref, string Environment, string? Description, JsonNode? Payload, bool Wait);
}
