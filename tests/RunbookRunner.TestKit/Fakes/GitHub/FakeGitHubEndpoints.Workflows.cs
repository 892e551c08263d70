using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RunbookRunner.TestKit.Fakes.GitHub;

internal static partial class FakeGitHubEndpoints
{
    private const string DispatchDocs = "https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event";
    private const int MaxDispatchInputs = 25;

    private static void MapWorkflows(IEndpointRouteBuilder api, FakeGitHubServer server)
    {
        api.MapPost("/repos/{owner}/{repo}/actions/workflows/{workflow}/dispatches", async (HttpContext context) =>
        {
            var repository = Repository(context, server);
            var workflow = repository?.FindWorkflow(Route(context, "workflow"));
            if (repository is null || workflow is null)
            {
                return RepositoryNotFound(DispatchDocs);
            }

            var body = await ReadObjectAsync(context);
            return body is null ? ProblemsParsingJson() : Dispatch(repository, workflow, body, server);
        });

        api.MapGet("/repos/{owner}/{repo}/actions/runs/{id:long}", (HttpContext context) =>
        {
            var repository = Repository(context, server);
            var run = repository?.FindWorkflowRun(RouteId(context, "id"));
            return repository is null || run is null
                ? RepositoryNotFound("https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run")
                : Results.Json(FakeGitHubJson.WorkflowRun(repository, run, server));
        });
    }

    private static IResult Dispatch(FakeRepository repository, FakeWorkflow workflow, JsonObject body, FakeGitHubServer server)
    {
        var reference = String(body, "ref");
        if (string.IsNullOrEmpty(reference))
        {
            return FakeGitHubJson.Error(422, "Invalid request.\n\n\"ref\" wasn't supplied.", DispatchDocs);
        }

        var sha = repository.IsBranchOrTag(reference) ? repository.ResolveSha(reference) : null;
        if (sha is null)
        {
            return FakeGitHubJson.Error(422, $"No ref found for: {reference}", DispatchDocs);
        }

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body["inputs"] is JsonObject given)
        {
            if (given.Count > MaxDispatchInputs)
            {
                return FakeGitHubJson.Error(422, $"Invalid request.\n\nToo many inputs: {given.Count} (maximum is {MaxDispatchInputs}).", DispatchDocs);
            }

            var unexpected = workflow.Inputs is null ? [] : given.Select(pair => pair.Key).Except(workflow.Inputs).ToList();
            if (unexpected.Count > 0)
            {
                return FakeGitHubJson.Error(422, $"Unexpected inputs provided: [{string.Join(", ", unexpected.Select(k => $"\"{k}\""))}]", DispatchDocs);
            }

            foreach (var (key, value) in given)
            {
                inputs[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
            }
        }

        var branch = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;
        var run = repository.StartWorkflowRun(workflow, branch, sha, inputs);
        if (Bool(body, "return_run_details") != true)
        {
            return Results.NoContent();
        }

        return Results.Json(new JsonObject
        {
            ["workflow_run_id"] = run.Id,
            ["run_url"] = server.ApiUrl($"repos/{repository.FullName}/actions/runs/{run.Id}"),
            ["html_url"] = server.HtmlUrl($"{repository.FullName}/actions/runs/{run.Id}"),
        });
    }
}
