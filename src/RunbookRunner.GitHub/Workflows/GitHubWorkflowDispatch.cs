namespace RunbookRunner.GitHub.Workflows;

/// <summary>A <c>workflow_dispatch</c> trigger.</summary>
public sealed record GitHubWorkflowDispatch
{
    /// <summary>At most 25 inputs, GitHub's limit.</summary>
    public const int MaxInputs = 25;

    /// <summary>Workflow file name (e.g. <c>deploy.yml</c>) or numeric id.</summary>
    public required string Workflow { get; init; }

    /// <summary>Branch or tag to run the workflow on.</summary>
    public required string Ref { get; init; }

    /// <summary>Inputs the workflow declares; omitted ones take their defaults.</summary>
    public IReadOnlyDictionary<string, string>? Inputs { get; init; }
}
