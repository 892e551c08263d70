using RunbookRunner.GitHub.Workflows;

namespace RunbookRunner.GitHub;

public partial interface IGitHubClient
{
    /// <summary>Triggers a <c>workflow_dispatch</c> and returns the new run's id (<c>return_run_details: true</c>).</summary>
    Task<GitHubWorkflowDispatchResult> DispatchWorkflowAsync(GitHubRepository repository, GitHubWorkflowDispatch dispatch, CancellationToken cancellationToken = default);

    /// <summary>A workflow run: status, conclusion and page.</summary>
    Task<GitHubWorkflowRun> GetWorkflowRunAsync(GitHubRepository repository, long runId, CancellationToken cancellationToken = default);
}
