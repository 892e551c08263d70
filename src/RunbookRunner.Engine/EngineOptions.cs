namespace RunbookRunner.Engine;

/// <summary>Settings of the run engine on one node (section <c>Runbook</c>).</summary>
public sealed class EngineOptions
{
    public const string Section = "Runbook";

    /// <summary>
    /// This node's id. Stable across restarts of the same node, so a restarted node recovers its own
    /// interrupted steps at once; distinct per node in a cluster.
    /// </summary>
    public string NodeId { get; set; } = System.Environment.MachineName;

    /// <summary>Outbox targets every event is narrated to ("console", "slack").</summary>
    public IList<string> NarrationTargets { get; } = [];

    /// <summary>Public base URL of the server, for links in narration and deployment statuses.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often a node proves it is alive; a node silent for <see cref="NodeTimeout"/> is presumed dead.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A node that could not renew its heartbeat for this long stops its actions (fencing) before the others
    /// presume it dead and take its steps over. Null: one heartbeat before <see cref="NodeTimeout"/> (at least half of
    /// it), so a short database blip stops nothing.
    /// </summary>
    public TimeSpan? FenceAfter { get; set; }

    /// <summary>The fencing delay in effect (see <see cref="FenceAfter"/>).</summary>
    public TimeSpan EffectiveFenceAfter => FenceAfter ?? TimeSpan.FromTicks(Math.Max(NodeTimeout.Ticks - HeartbeatInterval.Ticks, NodeTimeout.Ticks / 2));

    /// <summary>How often a node looks for runs whose steps were left running by a dead node.</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts at a decision when another node appended to the same run first.</summary>
    public int MaxConflictRetries { get; set; } = 20;

    /// <summary>
    /// Keep the state of runs that wait for a person or a timer in memory. Off for servers (thousands of
    /// parked runs cost nothing but a journal read when they move); on for a rehearsal, where one run moves
    /// constantly on a compressed clock.
    /// </summary>
    public bool KeepParkedRunsInMemory { get; set; }

    /// <summary>
    /// Narration deliveries in progress at once on this node. Each (target, channel) is delivered in order by one of
    /// them, so a channel that Slack paces or rate-limits holds up only itself while the others go on.
    /// </summary>
    public int NarrationConcurrency { get; set; } = 16;

    /// <summary>Outbox messages this node holds claimed at most (queued in channel lanes); the rest waits in the store.</summary>
    public int NarrationMaxInFlight { get; set; } = 400;

    /// <summary>Log lines kept per step attempt; more are counted, not stored.</summary>
    public int MaxLogLinesPerAttempt { get; set; } = 2000;
}
