namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>What a <see cref="CrashLoop"/> did and found.</summary>
internal sealed record CrashLoopOutcome(
    int Kills,
    int KillsBeforeReady,
    int Runs,
    int InterruptedSeen,
    int MarkedDone,
    int Retried,
    int IdempotentReruns,
    int SucceededRuns,
    long EventsReverified,
    IReadOnlyList<string> Problems,
    TimeSpan Duration);
