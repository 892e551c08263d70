namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>An issue or a pull request (GitHub lists both under /issues).</summary>
public sealed class FakeIssue
{
    public required long Id { get; init; }

    public required long Number { get; init; }

    public required string Title { get; init; }

    public string State { get; set; } = "open";

    public List<string> Labels { get; init; } = [];

    public bool IsPullRequest { get; init; }

    public string Author { get; init; } = "octocat";

    public string? Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
