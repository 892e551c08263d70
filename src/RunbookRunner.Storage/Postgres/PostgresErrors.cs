using Npgsql;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Storage.Postgres;

/// <summary>Maps PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/15/errcodes-appendix.html) and Npgsql connection errors.</summary>
internal static class PostgresErrors
{
    public static StoreUnavailableException? Translate(NpgsqlException exception, StoreConnection store)
    {
        if (exception is not PostgresException postgres)
        {
            // Not a server error: the socket failed, the server is gone, or a timeout expired.
            return new StoreUnavailableException(
                StoreUnavailableReason.ConnectionLost,
                $"The store {store} cannot be reached ({exception.Message}); retrying until it is back.",
                exception);
        }

        var state = postgres.SqlState;
        return state switch
        {
            PostgresErrorCodes.DiskFull => new StoreUnavailableException(
                StoreUnavailableReason.DiskFull,
                $"The store {store} is out of disk space: nothing more can be written; free space, then retry. Committed runs are intact.",
                exception),
            PostgresErrorCodes.ReadOnlySqlTransaction => new StoreUnavailableException(
                StoreUnavailableReason.ReadOnly,
                $"The store {store} is read-only (a standby, or default_transaction_read_only is on): new work is refused.",
                exception),
            PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections => new StoreUnavailableException(
                StoreUnavailableReason.ConnectionLost,
                $"The store {store} is restarting or not accepting connections ({postgres.MessageText}); retrying until it is back.",
                exception),
            PostgresErrorCodes.IoError or PostgresErrorCodes.DataCorrupted or PostgresErrorCodes.IndexCorrupted => new StoreUnavailableException(
                StoreUnavailableReason.IoError,
                $"The store {store} reported an I/O error or corruption ({postgres.MessageText}).",
                exception),
            _ when state.StartsWith("08", StringComparison.Ordinal) => new StoreUnavailableException(
                StoreUnavailableReason.ConnectionLost,
                $"The store {store} dropped the connection ({postgres.MessageText}); retrying until it is back.",
                exception),
            _ when state.StartsWith("53", StringComparison.Ordinal) => new StoreUnavailableException(
                StoreUnavailableReason.Busy,
                $"The store {store} ran out of resources ({postgres.MessageText}).",
                exception),
            _ => null,
        };
    }
}
