namespace RunbookRunner.GitHub.Workflows;

/// <summary>A workflow run.</summary>
public sealed record GitHubWorkflowRun
{
    public long Id { get; init; }

    public string? Name { get; init; }

    /// <summary><c>queued</c>, <c>in_progress</c>, <c>completed</c>, <c>waiting</c>, <c>requested</c> or <c>pending</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>When completed: <c>success</c>, <c>failure</c>, <c>cancelled</c>, <c>skipped</c>, <c>timed_out</c>…</summary>
    public string? Conclusion { get; init; }

    public string? HtmlUrl { get; init; }

    public string? HeadBranch { get; init; }

    public string? HeadSha { get; init; }

    public string? Event { get; init; }

    public int? RunAttempt { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public bool IsCompleted => string.Equals(Status, "completed", StringComparison.OrdinalIgnoreCase);

    public bool IsSuccessful => IsCompleted && string.Equals(Conclusion, "success", StringComparison.OrdinalIgnoreCase);
}
