namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A commit status posted by a CI system.</summary>
public sealed class FakeCommitStatus
{
    public required long Id { get; init; }

    public required string Sha { get; init; }

    public required string Context { get; init; }

    /// <summary><c>error</c>, <c>failure</c>, <c>pending</c> or <c>success</c>.</summary>
    public required string State { get; init; }

    public string? Description { get; init; }

    public string? TargetUrl { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
