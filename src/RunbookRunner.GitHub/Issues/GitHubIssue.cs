namespace RunbookRunner.GitHub.Issues;

/// <summary>An issue (pull requests are excluded by the client).</summary>
public sealed record GitHubIssue
{
    public required long Number { get; init; }

    public required string Title { get; init; }

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public required string State { get; init; }

    public string? HtmlUrl { get; init; }

    /// <summary>Label names.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public string? Author { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
