namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A release.</summary>
public sealed class FakeRelease
{
    public required long Id { get; init; }

    public required string TagName { get; init; }

    public required string TargetCommitish { get; init; }

    public string? Name { get; init; }

    public string? Body { get; init; }

    public bool Draft { get; init; }

    public bool Prerelease { get; init; }

    public string Author { get; init; } = "runbook-bot";

    public DateTimeOffset CreatedAt { get; init; }
}
