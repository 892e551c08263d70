namespace RunbookRunner.TestKit.Postgres;

/// <summary>The test cluster could not be set up, started or stopped; the message says why and where the log is.</summary>
public sealed class PostgresClusterException : Exception
{
    public PostgresClusterException(string message)
        : base(message)
    {
    }

    public PostgresClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
