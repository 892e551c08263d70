using FluentAssertions;
using Npgsql;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Actions.Postgres;
using Xunit;

namespace RunbookRunner.Actions.Tests.Postgres;

public sealed class PostgresConnectionInfoTests
{
    [Fact]
    public void Parse_Url_SplitsPasswordFromConninfo()
    {
        var info = PostgresConnectionInfo.Parse("postgresql://ops%20user:p%40ss:w0rd@db.example.com:6543/app_prod?sslmode=verify-full&application_name=launch");

        info.Password.Should().Be("p@ss:w0rd");
        info.ToConninfo().Should().Be("user='ops user' host=db.example.com port=6543 dbname=app_prod sslmode=verify-full application_name=launch");
        info.Display().Should().Be("postgresql://ops user@db.example.com:6543/app_prod");
        info.ToString().Should().NotContain("w0rd");
    }

    [Fact]
    public void Parse_KeyValue_HandlesQuotesAndEscapes()
    {
        var info = PostgresConnectionInfo.Parse("host=10.0.0.5 port = 5432 dbname='my db' user=app password='it\\'s secret'");

        info.Password.Should().Be("it's secret");
        info.Get("dbname").Should().Be("my db");
        info.ToConninfo().Should().Be("host=10.0.0.5 port=5432 dbname='my db' user=app");
    }

    [Fact]
    public void ToNpgsql_MapsLibpqKeywords()
    {
        var b = new NpgsqlConnectionStringBuilder(PostgresConnectionInfo.Parse("postgres://app:pw@[::1]:5433/shop?sslmode=require").ToNpgsql("runbook x"));

        b.Host.Should().Be("::1");
        b.Port.Should().Be(5433);
        b.Username.Should().Be("app");
        b.Password.Should().Be("pw");
        b.Database.Should().Be("shop");
        b.SslMode.Should().Be(SslMode.Require);
        b.ApplicationName.Should().Be("runbook x");
    }

    [Fact]
    public void Parse_NoKeyValueShape_ExplainsBothAcceptedForms()
    {
        var act = () => PostgresConnectionInfo.Parse("db.example.com");

        act.Should().Throw<ActionParameterException>().WithMessage("connection must be a postgresql:// URL or libpq key=value pairs*");
    }

    [Fact]
    public void Parse_Garbage_ExplainsBothAcceptedForms()
    {
        var act = () => PostgresConnectionInfo.Parse("Server=db;Password=hunter2");

        act.Should().Throw<ActionParameterException>()
            .WithMessage("connection has an unknown keyword 'Server'; write a postgresql:// URL or libpq key=value pairs*")
            .Which.Message.Should().NotContain("hunter2");
    }
}
