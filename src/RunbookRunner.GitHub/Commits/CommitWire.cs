using RunbookRunner.GitHub.Http;

namespace RunbookRunner.GitHub.Commits;

/// <summary><c>GET /repos/{owner}/{repo}/commits/{ref}</c>: the git data sits under <c>commit</c>.</summary>
internal sealed record CommitWire
{
    public string Sha { get; init; } = "";

    public string? HtmlUrl { get; init; }

    public GitCommitWire? Commit { get; init; }

    public UserWire? Author { get; init; }

    public GitHubCommit ToCommit() => new()
    {
        Sha = Sha,
        Message = Commit?.Message ?? "",
        HtmlUrl = HtmlUrl,
        AuthorName = Commit?.Author?.Name,
        AuthorLogin = Author?.Login,
        AuthoredAt = Commit?.Author?.Date,
    };
}
