namespace RunbookRunner.Core.Model;

/// <summary>A task a person does and ticks off (e.g. "Team briefed in the war room").</summary>
public sealed record ManualSpec
{
    public required string Title { get; init; }

    public string? Instructions { get; init; }

    /// <summary>Roles allowed to mark it done; empty means any operator.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
