using FluentAssertions;
using RunbookRunner.Actions.Postgres;
using Xunit;

namespace RunbookRunner.Actions.Tests.Postgres;

public sealed class SqlScriptTests
{
    [Fact]
    public void Split_SemicolonsInsideQuotesAndComments_StayInTheirStatement()
    {
        var script = """
            -- a comment; with a semicolon
            INSERT INTO t VALUES ('a;b', 'it''s; fine', E'esc\'; still');
            /* block; /* nested; */ still comment; */
            CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;
            SELECT "weird;name", $1 FROM t
            """;

        SqlScript.Split(script).Should().Equal(
            "INSERT INTO t VALUES ('a;b', 'it''s; fine', E'esc\\'; still')",
            "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql",
            "SELECT \"weird;name\", $1 FROM t");
    }

    [Fact]
    public void Split_OnlyCommentsAndSemicolons_YieldsNothing() =>
        SqlScript.Split("-- nothing\n;;  /* here */ ;").Should().BeEmpty();
}
