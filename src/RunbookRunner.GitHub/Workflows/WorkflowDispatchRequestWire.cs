namespace RunbookRunner.GitHub.Workflows;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/actions/workflows/{workflow}/dispatches</c>.</summary>
internal sealed record WorkflowDispatchRequestWire
{
    public required string Ref { get; init; }

    public IReadOnlyDictionary<string, string>? Inputs { get; init; }

    /// <summary>Asks GitHub to answer 200 with the run's id instead of an empty 204.</summary>
    public bool ReturnRunDetails { get; init; } = true;
}
