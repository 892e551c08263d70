using System.Net;
using RunbookRunner.GitHub.Http;
using RunbookRunner.GitHub.Workflows;

namespace RunbookRunner.GitHub;

public sealed partial class GitHubRestClient
{
    public async Task<GitHubWorkflowDispatchResult> DispatchWorkflowAsync(
        GitHubRepository repository,
        GitHubWorkflowDispatch dispatch,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatch.Workflow, nameof(dispatch));
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatch.Ref, nameof(dispatch));
        if (dispatch.Inputs is { Count: > GitHubWorkflowDispatch.MaxInputs } inputs)
        {
            throw new ArgumentException(
                $"Workflow '{dispatch.Workflow}' was given {inputs.Count} inputs; GitHub accepts at most {GitHubWorkflowDispatch.MaxInputs}.",
                nameof(dispatch));
        }

        var body = new WorkflowDispatchRequestWire { Ref = dispatch.Ref, Inputs = dispatch.Inputs };
        var response = await PostAsync(
            $"{repository.ApiPath}/actions/workflows/{Segment(dispatch.Workflow)}/dispatches",
            body,
            cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NoContent || string.IsNullOrWhiteSpace(response.Body)
            ? new GitHubWorkflowDispatchResult()
            : GitHubJson.Deserialize<GitHubWorkflowDispatchResult>(response);
    }

    public async Task<GitHubWorkflowRun> GetWorkflowRunAsync(GitHubRepository repository, long runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return await GetJsonAsync<GitHubWorkflowRun>($"{repository.ApiPath}/actions/runs/{Number(runId)}", cancellationToken).ConfigureAwait(false);
    }
}
