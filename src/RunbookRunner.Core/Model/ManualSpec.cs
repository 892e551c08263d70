namespace RunbookRunner.Core.Model;

/// <summary>A task a person does and ticks off (e.g. "Team briefed in the war room").</summary>
public sealed record ManualSpec
{
    public required string Title { get; init; }

    public string? Instructions { get; init; }

    /// <summary>Roles allowed to mark it done; empty means any operator.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>What a person may report; always holds <see cref="ManualOutcome.Done"/>, and <see cref="ManualOutcome.Failed"/> when the task may fail.</summary>
    public IReadOnlyList<ManualOutcome> Outcomes { get; init; } = [ManualOutcome.Done];

    /// <summary>True when a person may mark the task failed (<c>outcomes: [done, failed]</c>).</summary>
    public bool CanFail => Outcomes.Contains(ManualOutcome.Failed);

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
