namespace RunbookRunner.Core.Schema;

/// <summary>
/// What the runbook language knows of an action type: its parameters, whether it may be re-run
/// safely after a crash, its outputs (usable as <c>${steps.ID.outputs.NAME}</c>) and whether it can
/// be used as an approval gate.
/// </summary>
public sealed record ActionDescriptor
{
    public required string Type { get; init; }

    public required string Summary { get; init; }

    public required ObjectSchema Parameters { get; init; }

    public bool Idempotent { get; init; }

    public bool CanGate { get; init; }

    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>Parameters whose values are secrets even when written literally (e.g. a token).</summary>
    public IReadOnlyList<string> SecretParameters { get; init; } = [];
}
