using RunbookRunner.Core.Runs.Inputs;

namespace RunbookRunner.Engine.Rehearsal;

/// <summary>How a rehearsal answers people's questions and how fast its clock runs.</summary>
public sealed record RehearsalOptions
{
    /// <summary>Virtual seconds per real second; null runs as fast as possible, jumping to the next due time.</summary>
    public double? Speed { get; init; }

    /// <summary>Grant approvals and tick off manual tasks automatically, as the eligible people.</summary>
    public bool ApproveAll { get; init; }

    /// <summary>What an unattended rehearsal does when a failure pauses the run.</summary>
    public FailureChoice OnPause { get; init; } = FailureChoice.Rollback;

    /// <summary>The actor for decisions the rehearsal makes on its own.</summary>
    public Actor Operator { get; init; } = new("rehearsal", "rehearsal");
}
