using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Model;

/// <summary>
/// A rollback criterion watched while active: from the completion of step <see cref="From"/> until
/// <see cref="Until"/>, poll <see cref="Check"/> every <see cref="Every"/>; when it breaches for
/// <see cref="GuardCheck.For"/>, do <see cref="Then"/> (after an approval when one is given).
/// </summary>
public sealed record Guard
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public required string From { get; init; }

    public TimeAnchor? Until { get; init; }

    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(30);

    public required GuardCheck Check { get; init; }

    public GuardResponse Then { get; init; } = GuardResponse.Rollback;

    public ApprovalSpec? Approval { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
