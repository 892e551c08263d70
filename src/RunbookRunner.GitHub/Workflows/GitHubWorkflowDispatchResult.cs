namespace RunbookRunner.GitHub.Workflows;

/// <summary>
/// What a dispatch returned. <see cref="WorkflowRunId"/> is <see langword="null"/> when the server answered 204 without
/// run details (GitHub Enterprise versions that predate <c>return_run_details</c>).
/// </summary>
public sealed record GitHubWorkflowDispatchResult
{
    public long? WorkflowRunId { get; init; }

    public string? RunUrl { get; init; }

    public string? HtmlUrl { get; init; }
}
