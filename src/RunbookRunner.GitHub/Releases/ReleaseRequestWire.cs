namespace RunbookRunner.GitHub.Releases;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/releases</c>.</summary>
internal sealed record ReleaseRequestWire
{
    public required string TagName { get; init; }

    public string? TargetCommitish { get; init; }

    public string? Name { get; init; }

    public string? Body { get; init; }

    public bool Draft { get; init; }

    public bool Prerelease { get; init; }

    public bool GenerateReleaseNotes { get; init; }

    /// <summary>GitHub wants the strings <c>"true"</c> / <c>"false"</c> here, not booleans.</summary>
    public string? MakeLatest { get; init; }
}
