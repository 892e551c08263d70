using FluentAssertions;
using RunbookRunner.Actions.Postgres;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;
using Xunit;

namespace RunbookRunner.Actions.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class BackupRestoreTests(PostgresFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rr-pg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static PostgresBackupAction Backup(Action<RunbookRunner.Actions.Configuration.ActionsOptions>? configure = null)
    {
        var options = Contexts.Options(configure);
        return new PostgresBackupAction(new PostgresTools(options), options, TimeProvider.System);
    }

    private static PostgresRestoreAction Restore()
    {
        var options = Contexts.Options();
        return new PostgresRestoreAction(new PostgresTools(options), options, TimeProvider.System);
    }

    [Fact]
    public async Task BackupThenRestore_AfterDataChanged_BringsTheDataBack()
    {
        var db = await TestDatabase.CreateAsync(fixture);
        await db.ExecuteAsync("CREATE TABLE orders (id int PRIMARY KEY, total numeric); INSERT INTO orders SELECT g, g * 10 FROM generate_series(1, 500) g;");
        var dump = Path.Combine(_dir, "nested", "run-42.dump");

        var log = new RecordingLog();
        var backup = await Backup().ExecuteAsync(Contexts.For(P.Map(("connection", db.Url), ("to", dump), ("verify", true)), log));

        backup.Succeeded.Should().BeTrue(backup.Error);
        File.Exists(dump).Should().BeTrue();
        File.Exists(dump + ".partial").Should().BeFalse();
        backup.Outputs["path"].Should().Be(dump);
        long.Parse(backup.Outputs["size_bytes"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(new FileInfo(dump).Length).And.BeGreaterThan(0);
        int.Parse(backup.Outputs["toc_entries"], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(2);
        backup.Outputs.Should().ContainKey("duration_ms");
        log.Lines.Should().Contain(l => l.StartsWith("verified: pg_restore --list reads", StringComparison.Ordinal));

        // The migration goes wrong: data deleted and the schema changed.
        await db.ExecuteAsync("DELETE FROM orders WHERE id > 10; ALTER TABLE orders ADD COLUMN broken text;");

        var restore = await Restore().ExecuteAsync(Contexts.For(P.Map(("connection", db.KeyValue), ("from", dump))));

        restore.Succeeded.Should().BeTrue(restore.Error);
        (await db.ScalarAsync<long>("SELECT count(*) FROM orders")).Should().Be(500);
        (await db.ScalarAsync<decimal>("SELECT sum(total) FROM orders")).Should().Be(1_252_500m);
        (await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'broken'")).Should().Be(0);
    }

    [Fact]
    public async Task Restore_TablesCreatedAfterTheDump_AreDroppedSoTheDatabaseIsAsDumped()
    {
        var db = await TestDatabase.CreateAsync(fixture);
        await db.ExecuteAsync("CREATE TABLE customers (id int PRIMARY KEY); INSERT INTO customers VALUES (1), (2); CREATE VIEW customer_ids AS SELECT id FROM customers;");
        var dump = Path.Combine(_dir, "before-migration.dump");
        (await Backup().ExecuteAsync(Contexts.For(P.Map(("connection", db.Url), ("to", dump))))).Succeeded.Should().BeTrue();

        // The migration being undone: new tables (one with an identity, one referencing an old table) and a view.
        await db.ExecuteAsync("""
            CREATE TABLE sessions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
            CREATE TABLE orders (id serial PRIMARY KEY, customer int REFERENCES customers (id));
            CREATE VIEW recent_orders AS SELECT * FROM orders;
            INSERT INTO customers VALUES (3);
            """);

        var restore = await Restore().ExecuteAsync(Contexts.For(P.Map(("connection", db.Url), ("from", dump))));

        restore.Succeeded.Should().BeTrue(restore.Error);
        (await db.ScalarAsync<string>("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'"))
            .Should().Be("customer_ids,customers");
        (await db.ScalarAsync<long>("SELECT count(*) FROM customers")).Should().Be(2);
        (await db.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relkind = 'S'")).Should().Be(0, "the sequences of the dropped tables went with them");
    }

    [Fact]
    public async Task Restore_DumpFailsHalfway_LeavesTheDatabaseUntouched()
    {
        var db = await TestDatabase.CreateAsync(fixture);
        await db.ExecuteAsync("CREATE TABLE customers (id int PRIMARY KEY); INSERT INTO customers VALUES (1);");
        var dump = Path.Combine(_dir, "customers.dump");
        (await Backup().ExecuteAsync(Contexts.For(P.Map(("connection", db.Url), ("to", dump))))).Succeeded.Should().BeTrue();
        // A type now holds the name the dump's table needs, so the restore fails after the newer tables were dropped.
        await db.ExecuteAsync("ALTER TABLE customers RENAME TO customers_v1; CREATE TYPE customers AS (x int); CREATE TABLE sessions (id int);");

        var restore = await Restore().ExecuteAsync(Contexts.For(P.Map(("connection", db.Url), ("from", dump))));

        restore.Succeeded.Should().BeFalse();
        (await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'sessions'"))
            .Should().Be(1, "one transaction: the drop of newer tables was rolled back with the failed restore");
    }

    [Fact]
    public async Task Backup_ServerUnreachable_FailsAndLeavesNoFile()
    {
        var dump = Path.Combine(_dir, "x.dump");
        var result = await Backup().ExecuteAsync(Contexts.For(P.Map(("connection", "postgresql://postgres@127.0.0.1:1/none?connect_timeout=2"), ("to", dump))));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeTrue();
        result.Error.Should().StartWith("pg_dump exited with 1:");
        File.Exists(dump).Should().BeFalse();
        File.Exists(dump + ".partial").Should().BeFalse();
    }

    [Fact]
    public async Task Backup_PasswordInConnection_GoesThroughEnvironmentNeverArgumentsOrLog()
    {
        // A stand-in pg_dump that records exactly what it was given (argv and PGPASSWORD).
        var bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        var record = Path.Combine(_dir, "record");
        var script = Path.Combine(bin, "pg_dump");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{record}.args'\nprintf '%s' \"$PGPASSWORD\" > '{record}.pw'\nfor a in \"$@\"; do case \"$a\" in --file=*) : > \"${{a#--file=}}\";; esac; done\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var log = new RecordingLog();
        var result = await Backup(o => o.PostgresBinDirectory = bin).ExecuteAsync(Contexts.For(P.Map(
            ("connection", "postgresql://app:s3cr%40t-canary@db.internal:6432/shop?sslmode=require"),
            ("to", Path.Combine(_dir, "shop.dump"))), log));

        result.Succeeded.Should().BeTrue(result.Error);
        (await File.ReadAllTextAsync(record + ".pw")).Should().Be("s3cr@t-canary");
        var args = await File.ReadAllLinesAsync(record + ".args");
        args.Should().Equal("--format=custom", "--no-password", $"--file={Path.Combine(_dir, "shop.dump")}.partial", "--dbname=user=app host=db.internal port=6432 dbname=shop sslmode=require");
        log.Text.Should().NotContain("s3cr").And.Contain("postgresql://app@db.internal:6432/shop");
    }

    [Fact]
    public async Task Restore_MissingDump_FailsWithoutRetry()
    {
        var missing = Path.Combine(_dir, "missing.dump");
        var result = await Restore().ExecuteAsync(Contexts.For(P.Map(("connection", "postgresql://postgres@127.0.0.1/x"), ("from", missing))));

        result.Retryable.Should().BeFalse();
        result.Error.Should().Be($"dump file '{missing}' does not exist");
    }

    [Fact]
    public async Task SimulateAsync_Backup_WritesNothing()
    {
        var dump = Path.Combine(_dir, "sim", "x.dump");
        var result = await Backup().SimulateAsync(Contexts.For(P.Map(("connection", "postgresql://postgres@127.0.0.1:1/none"), ("to", dump), ("verify", true))));

        result.Succeeded.Should().BeTrue();
        result.Outputs["path"].Should().Be(dump);
        Directory.Exists(Path.Combine(_dir, "sim")).Should().BeFalse();
    }
}
