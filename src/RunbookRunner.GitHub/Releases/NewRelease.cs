namespace RunbookRunner.GitHub.Releases;

/// <summary>A release to create; the tag is created from <see cref="TargetCommitish"/> when it does not exist.</summary>
public sealed record NewRelease
{
    public required string TagName { get; init; }

    /// <summary>Branch or SHA the tag is created from; GitHub defaults to the default branch.</summary>
    public string? TargetCommitish { get; init; }

    public string? Name { get; init; }

    /// <summary>Release notes; with <see cref="GenerateReleaseNotes"/>, they come before the generated notes.</summary>
    public string? Body { get; init; }

    public bool Draft { get; init; }

    public bool Prerelease { get; init; }

    public bool GenerateReleaseNotes { get; init; }

    /// <summary>Mark as the latest release; <see langword="null"/> = GitHub's default (by date and version).</summary>
    public bool? MakeLatest { get; init; }
}
