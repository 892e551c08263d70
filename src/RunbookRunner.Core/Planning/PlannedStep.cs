using RunbookRunner.Core.Model;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Planning;

/// <summary>One step of a <see cref="RunPlan"/>: when it is expected to start and finish, and at the latest.</summary>
/// <remarks>See <see cref="RunPlanner"/> for how every time is derived.</remarks>
public sealed record PlannedStep
{
    public required string Id { get; init; }

    /// <summary>The step's title, its manual task's title, or its id.</summary>
    public required string Title { get; init; }

    public required StepKind Kind { get; init; }

    /// <summary>The action type for action steps (<c>http</c>, <c>shell</c>, ...).</summary>
    public string? Action { get; init; }

    /// <summary>True for an action step that also asks for an approval before it runs.</summary>
    public bool HasApproval { get; init; }

    /// <summary>Effective dependencies: the step's <c>after</c>, or else the step before it.</summary>
    public required IReadOnlyList<string> After { get; init; }

    /// <summary>The <c>at</c> anchor, if any.</summary>
    public TimeAnchor? Anchor { get; init; }

    /// <summary>The anchor resolved against T0.</summary>
    public DateTimeOffset? AnchorTime { get; init; }

    /// <summary>Expected start: the later of the anchor and the expected finish of every dependency.</summary>
    public required DateTimeOffset PlannedStart { get; init; }

    /// <summary>Expected finish: <see cref="PlannedStart"/> plus <see cref="ExpectedDuration"/> (of the last occurrence when recurring).</summary>
    public required DateTimeOffset PlannedFinish { get; init; }

    /// <summary>Worst-case start: the later of the anchor and the latest finish of every dependency.</summary>
    public required DateTimeOffset PlannedStartLatest { get; init; }

    /// <summary>Worst-case finish: <see cref="PlannedStartLatest"/> plus <see cref="LatestDuration"/> (of the last occurrence when recurring).</summary>
    public required DateTimeOffset PlannedFinishLatest { get; init; }

    /// <summary>Expected duration of one occurrence (a wait's length; zero for everything else).</summary>
    public required TimeSpan ExpectedDuration { get; init; }

    /// <summary>Worst-case duration of one occurrence (timeouts, retries and approval windows).</summary>
    public required TimeSpan LatestDuration { get; init; }

    /// <summary><see cref="PlannedStart"/> relative to T0.</summary>
    public required TimeSpan TOffset { get; init; }

    /// <summary><see cref="TOffset"/> in anchor notation: <c>T-6h</c>, <c>T+0</c>, <c>T+1h30m</c>.</summary>
    public string TOffsetText => new TimeAnchor(TOffset).ToString();

    /// <summary><see cref="PlannedStart"/> on the runbook's clock.</summary>
    public required ClockTime ClockTime { get; init; }

    /// <summary>How far the expected start is after the anchor because dependencies finish late; zero when on time.</summary>
    public TimeSpan BehindAnchor { get; init; }

    /// <summary>How far the worst-case start is after the anchor; zero when even the worst case is on time.</summary>
    public TimeSpan BehindAnchorLatest { get; init; }

    public bool IsBehindAnchor => BehindAnchor > TimeSpan.Zero;

    /// <summary>The step does not run in the planned environment (its <c>only</c> does not name it).</summary>
    public bool Skipped { get; init; }

    public PlannedRecurrence? Recurrence { get; init; }

    /// <summary>On the chain of steps that determines when the run finishes at the latest.</summary>
    public bool Critical { get; init; }

    /// <summary>1-based number of the group of steps that share exactly the same dependencies and so run in parallel.</summary>
    public int? ParallelGroup { get; init; }
}
