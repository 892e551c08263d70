using FluentAssertions;
using RunbookRunner.Actions.Postgres;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;
using Xunit;

namespace RunbookRunner.Actions.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class SqlActionTests(PostgresFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rr-sql-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ExecuteAsync_InlineStatements_CommitsAndCountsRows()
    {
        var db = await TestDatabase.CreateAsync(fixture);
        var log = new RecordingLog();
        var result = await new SqlAction().ExecuteAsync(Contexts.For(P.Map(
            ("connection", db.Url),
            ("sql", "CREATE TABLE flags (name text PRIMARY KEY, enabled bool);\nINSERT INTO flags VALUES ('a', false), ('b', false), ('c', true);\nUPDATE flags SET enabled = true WHERE NOT enabled;")), log));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["rows_affected"].Should().Be("5");
        result.Outputs["statements"].Should().Be("3");
        (await db.ScalarAsync<long>("SELECT count(*) FROM flags WHERE enabled")).Should().Be(3);
        log.Lines.Should().Contain("inline sql: INSERT (3 rows) `INSERT INTO flags VALUES ('a', false), ('b', false), ('c', true)`");
        log.Lines.Should().Contain("committed: 3 statement(s), 5 row(s) affected");
    }

    [Fact]
    public async Task ExecuteAsync_SecondFileFails_RollsBackTheFirstToo()
    {
        var db = await TestDatabase.CreateAsync(fixture);
        await db.ExecuteAsync("CREATE TABLE accounts (id int PRIMARY KEY, balance int); INSERT INTO accounts VALUES (1, 100);");
        var first = Path.Combine(_dir, "001_debit.sql");
        var second = Path.Combine(_dir, "002_broken.sql");
        await File.WriteAllTextAsync(first, "UPDATE accounts SET balance = balance - 40 WHERE id = 1;\nCREATE TABLE audit (id int);");
        await File.WriteAllTextAsync(second, "INSERT INTO nowhere VALUES (1);");

        var log = new RecordingLog();
        var result = await new SqlAction().ExecuteAsync(Contexts.For(P.Map(("connection", db.KeyValue), ("files", P.List(first, second))), log));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Error.Should().Be($"{second}: 42P01: relation \"nowhere\" does not exist in `INSERT INTO nowhere VALUES (1)`; the transaction was rolled back, nothing was changed");
        log.Lines.Should().Contain($"{first}: UPDATE (1 rows) `UPDATE accounts SET balance = balance - 40 WHERE id = 1`");
        (await db.ScalarAsync<int>("SELECT balance FROM accounts WHERE id = 1")).Should().Be(100);
        (await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'audit'")).Should().Be(0);
    }

    [Fact]
    public async Task ExecuteAsync_SetsApplicationNameToTheIdempotencyKey()
    {
        var db = await TestDatabase.CreateAsync(fixture);
        await db.ExecuteAsync("CREATE TABLE seen (app text);");

        var result = await new SqlAction().ExecuteAsync(Contexts.For(P.Map(
            ("connection", db.Url),
            ("sql", "INSERT INTO seen SELECT current_setting('application_name');")), step: "migrate", attempt: 3));

        result.Succeeded.Should().BeTrue(result.Error);
        (await db.ScalarAsync<string>("SELECT app FROM seen")).Should().Be("runbook run-42/migrate/3");
    }

    [Fact]
    public async Task ExecuteAsync_MissingFile_FailsBeforeConnecting()
    {
        var missing = Path.Combine(_dir, "nope.sql");
        var result = await new SqlAction().ExecuteAsync(Contexts.For(P.Map(("connection", "postgresql://postgres@127.0.0.1:1/x"), ("files", P.List(missing)))));

        result.Retryable.Should().BeFalse();
        result.Error.Should().Be($"SQL file '{missing}' does not exist");
    }
}
