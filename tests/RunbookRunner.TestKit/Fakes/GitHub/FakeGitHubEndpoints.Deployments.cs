using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RunbookRunner.TestKit.Fakes.GitHub;

internal static partial class FakeGitHubEndpoints
{
    private const string CreateDeploymentDocs = "https://docs.github.com/rest/deployments/deployments#create-a-deployment";
    private const string DeploymentStatusDocs = "https://docs.github.com/rest/deployments/statuses#create-a-deployment-status";
    private static readonly string[] DeploymentStates = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"];

    private static void MapDeployments(IEndpointRouteBuilder api, FakeGitHubServer server)
    {
        api.MapPost("/repos/{owner}/{repo}/deployments", async (HttpContext context) =>
        {
            var repository = Repository(context, server);
            if (repository is null)
            {
                return RepositoryNotFound(CreateDeploymentDocs);
            }

            var body = await ReadObjectAsync(context);
            return body is null ? ProblemsParsingJson() : CreateDeployment(repository, body, server);
        });

        api.MapGet("/repos/{owner}/{repo}/deployments/{id:long}", (HttpContext context) =>
        {
            var repository = Repository(context, server);
            var deployment = repository?.FindDeployment(RouteId(context, "id"));
            return repository is null || deployment is null
                ? RepositoryNotFound("https://docs.github.com/rest/deployments/deployments#get-a-deployment")
                : Results.Json(FakeGitHubJson.Deployment(repository, deployment, server));
        });

        api.MapPost("/repos/{owner}/{repo}/deployments/{id:long}/statuses", async (HttpContext context) =>
        {
            var repository = Repository(context, server);
            var deployment = repository?.FindDeployment(RouteId(context, "id"));
            if (repository is null || deployment is null)
            {
                return RepositoryNotFound(DeploymentStatusDocs);
            }

            var body = await ReadObjectAsync(context);
            return body is null ? ProblemsParsingJson() : CreateDeploymentStatus(repository, deployment, body, server);
        });

        api.MapGet("/repos/{owner}/{repo}/deployments/{id:long}/statuses", (HttpContext context) =>
        {
            var repository = Repository(context, server);
            var deployment = repository?.FindDeployment(RouteId(context, "id"));
            if (repository is null || deployment is null)
            {
                return RepositoryNotFound("https://docs.github.com/rest/deployments/statuses#list-deployment-statuses");
            }

            List<JsonNode> statuses;
            lock (server.State.Gate)
            {
                // GitHub lists deployment statuses newest first.
                statuses = deployment.Statuses.AsEnumerable().Reverse()
                    .Select(s => (JsonNode)FakeGitHubJson.DeploymentStatus(repository, s, server)).ToList();
            }

            return FakeGitHubJson.Page(context, statuses);
        });
    }

    private static IResult CreateDeployment(FakeRepository repository, JsonObject body, FakeGitHubServer server)
    {
        var reference = String(body, "ref");
        if (string.IsNullOrEmpty(reference))
        {
            return FakeGitHubJson.Error(422, "Invalid request.\n\n\"ref\" wasn't supplied.", CreateDeploymentDocs);
        }

        var sha = repository.ResolveSha(reference);
        if (sha is null)
        {
            return FakeGitHubJson.Error(422, $"No ref found for: {reference}", CreateDeploymentDocs);
        }

        // required_contexts omitted = every context on the commit must be green; [] skips the check.
        var statuses = repository.LatestStatuses(sha).ToDictionary(s => s.Context, s => s.State, StringComparer.Ordinal);
        foreach (var run in repository.LatestCheckRuns(sha))
        {
            statuses[run.Name] = run.Status != "completed" ? "pending"
                : run.Conclusion is "success" or "neutral" or "skipped" ? "success" : "failure";
        }

        var required = body["required_contexts"] is JsonArray list
            ? list.Select(node => node?.GetValue<string>() ?? "").ToList()
            : statuses.Keys.ToList();
        var failed = required
            .Select(context => (Context: context, State: statuses.GetValueOrDefault(context, "missing")))
            .Where(pair => pair.State != "success")
            .ToList();
        if (failed.Count > 0)
        {
            var contexts = new JsonArray([.. failed.Select(pair => (JsonNode)new JsonObject { ["context"] = pair.Context, ["state"] = pair.State })]);
            var error = FakeGitHubJson.FieldError("Deployment", "required_contexts", "invalid");
            error["contexts"] = contexts;
            return FakeGitHubJson.Error(409, $"Conflict: Commit status checks failed for {reference}.", CreateDeploymentDocs, [error]);
        }

        var environment = String(body, "environment") ?? "production";
        var deployment = repository.CreateDeployment(
            sha,
            reference,
            environment,
            String(body, "task"),
            String(body, "description"),
            body["payload"],
            Bool(body, "production_environment") ?? environment == "production",
            Bool(body, "transient_environment") ?? false);
        return Results.Json(FakeGitHubJson.Deployment(repository, deployment, server), statusCode: 201);
    }

    private static IResult CreateDeploymentStatus(FakeRepository repository, FakeDeployment deployment, JsonObject body, FakeGitHubServer server)
    {
        var state = String(body, "state");
        if (state is null || !DeploymentStates.Contains(state))
        {
            return FakeGitHubJson.ValidationFailed(DeploymentStatusDocs,
                FakeGitHubJson.FieldError("DeploymentStatus", "state", "custom", "state is not included in the list"));
        }

        var description = String(body, "description");
        if (description is { Length: > 140 })
        {
            return FakeGitHubJson.ValidationFailed(DeploymentStatusDocs,
                FakeGitHubJson.FieldError("DeploymentStatus", "description", "custom", "description is too long (maximum is 140 characters)"));
        }

        FakeDeploymentStatus status;
        lock (server.State.Gate)
        {
            if (String(body, "environment") is { Length: > 0 } environment)
            {
                deployment.Environment = environment;
            }

            status = repository.AddStatusLocked(deployment, state, description, String(body, "log_url"), String(body, "environment_url"), "runbook-bot");
            if (state == "success" && (Bool(body, "auto_inactive") ?? true))
            {
                repository.DeactivateOthers(deployment);
            }
        }

        return Results.Json(FakeGitHubJson.DeploymentStatus(repository, status, server), statusCode: 201);
    }
}
