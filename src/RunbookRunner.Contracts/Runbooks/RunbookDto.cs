namespace RunbookRunner.Contracts.Runbooks;

/// <summary>A runbook file in the server's runbooks folder, and whether it validates.</summary>
public sealed record RunbookDto
{
    /// <summary>The file name without extension, used in <c>POST /api/runs</c>.</summary>
    public required string Name { get; init; }

    public required string File { get; init; }

    public string? Title { get; init; }

    public int Steps { get; init; }

    public IReadOnlyList<string> Environments { get; init; } = [];

    public bool Valid { get; init; }

    public IReadOnlyList<DiagnosticDto> Diagnostics { get; init; } = [];
}
