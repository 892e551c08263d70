using FluentAssertions;
using Microsoft.Data.Sqlite;
using Npgsql;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Postgres;
using RunbookRunner.Storage.Sqlite;
using Xunit;

namespace RunbookRunner.Storage.Tests.Errors;

public sealed class ProviderErrorTranslationTests
{
    private static readonly StoreConnection Sqlite = StoreConnection.Parse("sqlite:/data/runbook.db");
    private static readonly StoreConnection Postgres = StoreConnection.Parse("postgres:Host=db;Password=secret");

    [Theory]
    [InlineData(13, StoreUnavailableReason.DiskFull, "full")]
    [InlineData(8, StoreUnavailableReason.ReadOnly, "read-only")]
    [InlineData(5, StoreUnavailableReason.Busy, "locked")]
    [InlineData(10, StoreUnavailableReason.IoError, "I/O")]
    [InlineData(14, StoreUnavailableReason.IoError, "cannot be opened")]
    public void Translate_SqliteResultCode_MapsToReasonWithClearMessage(int code, StoreUnavailableReason reason, string words)
    {
        var translated = SqliteErrors.Translate(new SqliteException("sqlite says no", code), Sqlite);

        translated!.Reason.Should().Be(reason);
        translated.Message.Should().Contain(words).And.Contain("sqlite:/data/runbook.db");
    }

    [Fact]
    public void Translate_SqliteConstraintViolation_IsNotAnOutage() =>
        SqliteErrors.Translate(new SqliteException("UNIQUE constraint failed", 19), Sqlite).Should().BeNull();

    [Theory]
    [InlineData("53100", StoreUnavailableReason.DiskFull, false)]
    [InlineData("25006", StoreUnavailableReason.ReadOnly, false)]
    [InlineData("57P01", StoreUnavailableReason.ConnectionLost, true)]
    [InlineData("57P03", StoreUnavailableReason.ConnectionLost, true)]
    [InlineData("08006", StoreUnavailableReason.ConnectionLost, true)]
    [InlineData("53300", StoreUnavailableReason.ConnectionLost, true)]
    [InlineData("58030", StoreUnavailableReason.IoError, false)]
    public void Translate_PostgresSqlState_MapsToReasonAndRetryability(string sqlState, StoreUnavailableReason reason, bool transient)
    {
        var translated = PostgresErrors.Translate(new PostgresException("server says no", "ERROR", "ERROR", sqlState), Postgres);

        translated!.Reason.Should().Be(reason);
        translated.IsTransient.Should().Be(transient);
        translated.Message.Should().NotContain("secret");
    }

    [Fact]
    public void Translate_PostgresUniqueViolation_IsNotAnOutage() =>
        PostgresErrors.Translate(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation), Postgres).Should().BeNull();

    [Fact]
    public void Translate_NpgsqlSocketFailure_IsConnectionLost() =>
        PostgresErrors.Translate(new NpgsqlException("Failed to connect"), Postgres)!.Reason.Should().Be(StoreUnavailableReason.ConnectionLost);
}
