namespace RunbookRunner.Server.Configuration;

/// <summary>How runs are woken for timed work.</summary>
public enum WakeMode
{
    /// <summary>Quartz triggers in the store's database: durable, clustered on PostgreSQL.</summary>
    Quartz,

    /// <summary>In-process timers: for tests and throwaway servers; a restart re-arms them from the journal.</summary>
    Timers,
}
