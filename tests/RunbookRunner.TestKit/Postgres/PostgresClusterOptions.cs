namespace RunbookRunner.TestKit.Postgres;

/// <summary>How a throwaway test cluster is set up.</summary>
public sealed record PostgresClusterOptions
{
    /// <summary>Environment variable that overrides <see cref="BinDirectory"/>.</summary>
    public const string BinDirectoryVariable = "RUNBOOK_TEST_PG_BIN";

    /// <summary>Where <c>initdb</c>, <c>pg_ctl</c> and <c>pg_isready</c> live (Debian's PostgreSQL 15 by default).</summary>
    public string BinDirectory { get; init; } =
        Environment.GetEnvironmentVariable(BinDirectoryVariable) is { Length: > 0 } dir ? dir : "/usr/lib/postgresql/15/bin";

    /// <summary>Keep fsync on by default: durability tests must see the real commit cost.</summary>
    public bool Fsync { get; init; } = true;

    public bool SynchronousCommit { get; init; } = true;

    public int MaxConnections { get; init; } = 200;

    /// <summary>
    /// The OS user that owns and runs the cluster when the tests run as root (PostgreSQL refuses root).
    /// Created with <c>useradd</c> when missing. Ignored when the tests do not run as root.
    /// </summary>
    public string OsUserWhenRoot { get; init; } = "runbook-test";

    /// <summary>Bound on every start, stop and readiness wait.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
