namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A workflow with a <c>workflow_dispatch</c> trigger.</summary>
public sealed class FakeWorkflow
{
    public required long Id { get; init; }

    /// <summary>e.g. <c>.github/workflows/deploy.yml</c>.</summary>
    public required string Path { get; init; }

    public required string Name { get; init; }

    /// <summary>Declared inputs; <see langword="null"/> accepts any.</summary>
    public IReadOnlyList<string>? Inputs { get; init; }

    public string FileName => System.IO.Path.GetFileName(Path);
}
