namespace RunbookRunner.Engine.Narration;

/// <summary>What became of one delivery attempt in a lane.</summary>
internal enum NarrationLaneOutcome
{
    /// <summary>The sink accepted it; it waits for the batched completion.</summary>
    Delivered,

    /// <summary>The sink failed and the failure is recorded (retry later): the run's later messages are handed back.</summary>
    Failed,

    /// <summary>Not attempted (the lanes are stopping): it and the run's later messages stay claimed until the lease ends.</summary>
    Deferred,
}
