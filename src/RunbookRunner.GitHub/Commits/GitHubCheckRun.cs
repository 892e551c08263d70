namespace RunbookRunner.GitHub.Commits;

/// <summary>A check run (GitHub Actions job or app check) on a commit.</summary>
public sealed record GitHubCheckRun
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary><c>queued</c>, <c>in_progress</c>, <c>completed</c>, <c>waiting</c>, <c>requested</c> or <c>pending</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>When completed: <c>success</c>, <c>failure</c>, <c>neutral</c>, <c>cancelled</c>, <c>skipped</c>, <c>timed_out</c>, <c>action_required</c>…</summary>
    public string? Conclusion { get; init; }

    public string? HtmlUrl { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public bool IsCompleted => string.Equals(Status, "completed", StringComparison.OrdinalIgnoreCase);

    /// <summary>Completed with a conclusion that does not block: success, neutral or skipped.</summary>
    public bool IsPassing => IsCompleted && Conclusion is "success" or "neutral" or "skipped";
}
