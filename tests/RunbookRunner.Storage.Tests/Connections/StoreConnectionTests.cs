using FluentAssertions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace RunbookRunner.Storage.Tests.Connections;

public sealed class StoreConnectionTests
{
    [Fact]
    public void Parse_SqliteRelativePath_ResolvesToFullPathWithPoolingAndForeignKeys()
    {
        var parsed = StoreConnection.Parse("sqlite:./runbook-runner.db");

        parsed.Provider.Should().Be(StoreProvider.Sqlite);
        var builder = new SqliteConnectionStringBuilder(parsed.ConnectionString);
        builder.DataSource.Should().Be(Path.GetFullPath("./runbook-runner.db"));
        builder.ForeignKeys.Should().BeTrue();
        builder.Pooling.Should().BeTrue();
    }

    [Fact]
    public void Parse_SqliteConnectionString_KeepsItsOptions()
    {
        var parsed = StoreConnection.Parse("sqlite:Data Source=/var/lib/runbook/r.db;Mode=ReadOnly");

        var builder = new SqliteConnectionStringBuilder(parsed.ConnectionString);
        builder.DataSource.Should().Be("/var/lib/runbook/r.db");
        builder.Mode.Should().Be(SqliteOpenMode.ReadOnly);
    }

    [Theory]
    [InlineData("sqlite:")]
    [InlineData("sqlite::memory:")]
    [InlineData("sqlite:Data Source=x.db;Mode=Memory")]
    public void Parse_SqliteWithoutFile_ThrowsFormatException(string store)
    {
        var parse = () => StoreConnection.Parse(store);

        parse.Should().Throw<FormatException>().WithMessage("*sqlite:./runbook-runner.db*");
    }

    [Fact]
    public void Parse_PostgresKeyValue_KeepsTheNpgsqlConnectionString()
    {
        var parsed = StoreConnection.Parse("postgres:Host=db.internal;Port=5433;Database=runbook;Username=runner;Password=s3cret");

        parsed.Provider.Should().Be(StoreProvider.Postgres);
        var builder = new NpgsqlConnectionStringBuilder(parsed.ConnectionString);
        (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password).Should().Be(("db.internal", 5433, "runbook", "runner", "s3cret"));
    }

    [Fact]
    public void Parse_PostgresUri_TranslatesUserPasswordHostPortAndDatabase()
    {
        var parsed = StoreConnection.Parse("postgres://runner:p%40ss@db.internal:6543/runbook?sslmode=disable");

        var builder = new NpgsqlConnectionStringBuilder(parsed.ConnectionString);
        (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password).Should().Be(("db.internal", 6543, "runbook", "runner", "p@ss"));
        builder.SslMode.Should().Be(SslMode.Disable);
    }

    [Fact]
    public void ToString_PostgresWithPassword_LeavesThePasswordOut()
    {
        var parsed = StoreConnection.Parse("postgres:Host=db;Username=runner;Password=s3cret");

        parsed.ToString().Should().StartWith("postgres:").And.Contain("Host=db").And.NotContain("s3cret");
    }

    [Theory]
    [InlineData("mysql:Server=x")]
    [InlineData("./runbook.db")]
    [InlineData("postgres:Database=runbook")]
    public void Parse_UnknownOrIncompleteStore_ThrowsFormatExceptionNamingTheForms(string store)
    {
        var parse = () => StoreConnection.Parse(store);

        parse.Should().Throw<FormatException>().WithMessage("*postgres:Host=*");
    }

    [Fact]
    public void Parse_UnknownStoreWithPassword_DoesNotEchoThePassword()
    {
        var parse = () => StoreConnection.Parse("mssql:Server=x;Password=hunter2");

        parse.Should().Throw<FormatException>().Which.Message.Should().NotContain("hunter2");
    }

    [Fact]
    public void AsEphemeral_ParsedStore_KeepsTheConnectionAndMarksOnlyTheCopy()
    {
        var durable = StoreConnection.Parse("sqlite:/tmp/rehearsal.db");

        var ephemeral = durable.AsEphemeral();

        ephemeral.Ephemeral.Should().BeTrue();
        ephemeral.ConnectionString.Should().Be(durable.ConnectionString);
        ephemeral.Provider.Should().Be(StoreProvider.Sqlite);
        durable.Ephemeral.Should().BeFalse("a store is durable unless a throwaway one asks otherwise");
    }
}
