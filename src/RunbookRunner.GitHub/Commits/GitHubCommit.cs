namespace RunbookRunner.GitHub.Commits;

/// <summary>A commit as <c>GET /repos/{owner}/{repo}/commits/{ref}</c> returns it (the fields runbooks use).</summary>
public sealed record GitHubCommit
{
    public required string Sha { get; init; }

    public required string Message { get; init; }

    public string? HtmlUrl { get; init; }

    public string? AuthorName { get; init; }

    /// <summary>GitHub login of the author, when the commit is linked to an account.</summary>
    public string? AuthorLogin { get; init; }

    public DateTimeOffset? AuthoredAt { get; init; }
}
