namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// Test collections of the suite. Each PostgreSQL scenario gets its own cluster so that the scenarios run side by
/// side, and so that restarting or freezing a cluster never disturbs another test.
/// </summary>
internal static class FaultCollections
{
    public const string PostgresCrash = "fault-postgres-crash";
    public const string PostgresCluster = "fault-postgres-cluster";
    public const string PostgresRestart = "fault-postgres-restart";
    public const string PostgresReadOnly = "fault-postgres-read-only";
}
