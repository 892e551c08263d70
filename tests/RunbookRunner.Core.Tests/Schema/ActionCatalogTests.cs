using FluentAssertions;
using RunbookRunner.Core.Schema;
using RunbookRunner.Core.Tests.TestSupport;

namespace RunbookRunner.Core.Tests.Schema;

public class ActionCatalogTests
{
    /// <summary>The public parameter table of the actions (issue 4): runbooks in the wild use these names.</summary>
    public static TheoryData<string, string[]> ParameterTable => new()
    {
        { "shell", ["run", "argv", "cwd", "env", "expect_exit"] },
        { "http", ["method", "url", "headers", "json", "body", "expect_status", "expect_json"] },
        { "http.check", ["checks"] },
        { "http.wait", ["url", "expect_status", "interval"] },
        { "postgres.backup", ["connection", "to", "verify"] },
        { "postgres.restore", ["connection", "from", "clean"] },
        { "sql", ["connection", "sql", "files"] },
        { "github.commit_status", ["repo", "ref", "state", "token"] },
        { "github.open_issues", ["repo", "labels", "max", "token"] },
        { "github.deployment", ["repo", "ref", "environment", "description", "payload", "wait", "token"] },
        { "github.release", ["repo", "tag", "target", "name", "body", "generate_notes", "token"] },
        { "github.workflow", ["repo", "workflow", "ref", "inputs", "wait", "token"] },
        { "dns.cloudflare", ["zone", "record", "type", "content", "ttl", "proxied", "token"] },
        { "dns.check", ["name", "type", "expect"] },
        { "slack.post", ["channel", "text", "blocks"] },
    };

    [Theory]
    [MemberData(nameof(ParameterTable))]
    public void BuiltIn_EveryAction_HasExactlyTheDocumentedParameters(string type, string[] parameters)
    {
        var descriptor = ActionCatalog.Find(type);

        descriptor.Should().NotBeNull();
        descriptor!.Type.Should().Be(type);
        descriptor.Summary.Should().NotBeNullOrWhiteSpace();
        descriptor.Parameters.Fields.Select(f => f.Name).Should().BeEquivalentTo(parameters);
        descriptor.Parameters.Fields.Should().OnlyContain(f => !string.IsNullOrWhiteSpace(f.Description));
    }

    [Fact]
    public void BuiltIn_HoldsOnlyTheTableActions()
    {
        ActionCatalog.BuiltIn.Keys.Should().BeEquivalentTo(ParameterTable.Select(row => (string)row[0]));
    }

    [Theory]
    [InlineData("shell", false)]
    [InlineData("http", false)]
    [InlineData("http.check", true)]
    [InlineData("http.wait", true)]
    [InlineData("postgres.backup", true)]
    [InlineData("postgres.restore", false)]
    [InlineData("sql", false)]
    [InlineData("github.commit_status", true)]
    [InlineData("github.open_issues", true)]
    [InlineData("github.deployment", false)]
    [InlineData("github.release", false)]
    [InlineData("github.workflow", false)]
    [InlineData("dns.cloudflare", true)]
    [InlineData("dns.check", true)]
    [InlineData("slack.post", false)]
    public void BuiltIn_Idempotency_MatchesTheActionsSemantics(string type, bool idempotent)
    {
        ActionCatalog.Find(type)!.Idempotent.Should().Be(idempotent);
    }

    [Fact]
    public void BuiltIn_Gates_AreTheSideEffectFreeChecks()
    {
        ActionCatalog.BuiltIn.Values.Where(d => d.CanGate).Select(d => d.Type).Should().BeEquivalentTo(
            ["http.check", "github.commit_status", "github.open_issues", "dns.check"]);
        ActionCatalog.BuiltIn.Values.Where(d => d.CanGate).Should().OnlyContain(d => d.Idempotent);
    }

    [Theory]
    [InlineData("shell", "exit_code", "stdout")]
    [InlineData("http", "status", "body")]
    [InlineData("postgres.backup", "path", "size_bytes", "duration_ms")]
    [InlineData("github.deployment", "deployment_id", "sha", "state")]
    [InlineData("github.release", "release_id", "html_url")]
    [InlineData("github.workflow", "run_id", "conclusion", "html_url")]
    [InlineData("dns.cloudflare", "previous_content")]
    public void BuiltIn_Outputs_IncludeWhatLaterStepsUse(string type, params string[] outputs)
    {
        ActionCatalog.Find(type)!.Outputs.Should().Contain(outputs);
    }

    [Fact]
    public void BuiltIn_SecretParameters_AreDeclaredParameters()
    {
        foreach (var descriptor in ActionCatalog.BuiltIn.Values)
        {
            descriptor.SecretParameters.Where(p => descriptor.Parameters.Field(p) is null).Should().BeEmpty(descriptor.Type);
        }

        ActionCatalog.BuiltIn.Values.Where(d => d.Type.StartsWith("github.", StringComparison.Ordinal))
            .Should().OnlyContain(d => d.SecretParameters.Contains("token"));
        ActionCatalog.Find("postgres.backup")!.SecretParameters.Should().Contain("connection");
    }

    [Theory]
    [MemberData(nameof(ParameterTable))]
    public void LanguageReference_EveryAction_DocumentsEveryParameterAndOutput(string type, string[] parameters)
    {
        var docs = Repository.ReadText("docs", "runbook-language.md");
        var start = docs.IndexOf($"### `{type}`\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the reference has a section for {type}");
        var end = docs.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        var section = docs[start..(end < 0 ? docs.Length : end)];

        parameters.Where(p => !section.Contains($"| `{p}` |", StringComparison.Ordinal)).Should().BeEmpty();
        ActionCatalog.Find(type)!.Outputs.Where(o => !section.Contains($"`{o}`", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void Find_UnknownType_ReturnsNull()
    {
        ActionCatalog.Find("shel").Should().BeNull();
    }
}
