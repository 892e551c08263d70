namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A workflow run; tests move it forward with <see cref="FakeRepository.SetWorkflowRunStatus"/>.</summary>
public sealed class FakeWorkflowRun
{
    public required long Id { get; init; }

    public required long WorkflowId { get; init; }

    public required string Name { get; init; }

    public required string Path { get; init; }

    public required string HeadBranch { get; init; }

    public required string HeadSha { get; init; }

    public required int RunNumber { get; init; }

    public string Event { get; init; } = "workflow_dispatch";

    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
