using RunbookRunner.Contracts.Runbooks;

namespace RunbookRunner.Contracts.Problems;

/// <summary>
/// An error answer (RFC 9457 problem details, <c>application/problem+json</c>) with a stable <see cref="Code"/>
/// (see <see cref="ProblemCodes"/>) and, for an invalid runbook, every diagnostic.
/// </summary>
public sealed record ProblemDto
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    public string? Code { get; init; }

    public IReadOnlyList<DiagnosticDto>? Diagnostics { get; init; }
}
