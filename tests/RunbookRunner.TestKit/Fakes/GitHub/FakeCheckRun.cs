namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A check run on a commit.</summary>
public sealed class FakeCheckRun
{
    public required long Id { get; init; }

    public required string Sha { get; init; }

    public required string Name { get; init; }

    public string Status { get; set; } = "completed";

    public string? Conclusion { get; set; } = "success";

    public string AppSlug { get; init; } = "github-actions";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }
}
