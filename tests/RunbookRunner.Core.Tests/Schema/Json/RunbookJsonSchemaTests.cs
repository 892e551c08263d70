using System.Text.Json.Nodes;
using FluentAssertions;
using RunbookRunner.Core.Schema;
using RunbookRunner.Core.Schema.Json;
using RunbookRunner.Core.Tests.TestSupport;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Tests.Schema.Json;

public sealed class RunbookJsonSchemaTests
{
    private const string Valid = """
        name: mini
        timezone: Europe/London
        roles: { leads: [U01AAA] }
        steps:
          - id: go
            at: T-1h
            approval: { roles: [leads], timeout: 30m }
          - id: deploy
            action: shell
            with: { run: ./deploy.sh }
            idempotent: true
          - id: check
            action: http.check
            with: { checks: [ { url: https://example.com/healthz, expect_status: 200 } ] }

        """;

    private static readonly Lazy<MiniJsonSchema> Schema = new(() => new MiniJsonSchema(RunbookJsonSchema.Generate()));

    public static TheoryData<string> ShippedRunbooks() =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "runbooks"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>A broken runbook, and a fragment of the error the schema must give for it.</summary>
    public static TheoryData<string, string, string> BrokenRunbooks() => new()
    {
        { "misspelt top-level key", Valid.Replace("timezone:", "timezon:", StringComparison.Ordinal), "unknown key 'timezon'" },
        { "missing steps", "name: mini\n", "missing required 'steps'" },
        { "bad runbook name", Valid.Replace("name: mini", "name: Mini Launch", StringComparison.Ordinal), "$.name" },
        { "misspelt step key", Valid.Replace("idempotent:", "idempotnet:", StringComparison.Ordinal), "unknown key 'idempotnet'" },
        { "unknown action", Valid.Replace("action: shell", "action: shel", StringComparison.Ordinal), "$.steps[1].action" },
        { "unknown action parameter", Valid.Replace("{ run: ./deploy.sh }", "{ run: ./deploy.sh, cwdd: /tmp }", StringComparison.Ordinal), "unknown key 'cwdd'" },
        { "missing required parameter", Valid.Replace("{ checks: [ { url: https://example.com/healthz, expect_status: 200 } ] }", "{ }", StringComparison.Ordinal), "missing required 'checks'" },
        { "both run and argv", Valid.Replace("{ run: ./deploy.sh }", "{ run: ./deploy.sh, argv: [./deploy.sh] }", StringComparison.Ordinal), "$.steps[1].with" },
        { "parameter of the wrong type", Valid.Replace("expect_status: 200", "expect_status: 99", StringComparison.Ordinal), "expect_status" },
        { "bad time anchor", Valid.Replace("at: T-1h", "at: 11:00", StringComparison.Ordinal), "$.steps[0].at" },
        { "bare number duration", Valid.Replace("timeout: 30m", "timeout: 900", StringComparison.Ordinal), "$.steps[0].approval.timeout" },
        { "two step kinds", Valid.Replace("approval: { roles: [leads], timeout: 30m }", "approval: { roles: [leads] }\n    wait: 10m", StringComparison.Ordinal), "$.steps[0]: must not match" },
        { "no step kind", Valid.Replace("    approval: { roles: [leads], timeout: 30m }\n", string.Empty, StringComparison.Ordinal), "$.steps[0]: matches none of anyOf" },
        { "bad failure policy", Valid.Replace("idempotent: true", "on_failure: retry", StringComparison.Ordinal), "$.steps[1].on_failure" },
        { "every without until", Valid.Replace("idempotent: true", "every: 1h", StringComparison.Ordinal), "missing required 'until'" },
        { "at in a rollback step", Valid + "rollback:\n  - { id: undo-all, at: T+1h, wait: 1m }\n", "unknown key 'at'" },
        { "secret without a source", Valid + "secrets: { token: PROD_TOKEN }\n", "$.secrets.token" },
        { "guard without a threshold", Valid + "guards:\n  - { id: errors, from: deploy, check: { url: https://example.com/err } }\n", "$.guards[0].check" },
        { "role count of zero", Valid.Replace("approval: { roles: [leads], timeout: 30m }", "approval: { roles: [leads], required: { leads: 0 }, timeout: 30m }", StringComparison.Ordinal), "$.steps[0].approval.required" },
        { "required neither a number, all nor a map", Valid.Replace("approval: { roles: [leads], timeout: 30m }", "approval: { roles: [leads], required: most, timeout: 30m }", StringComparison.Ordinal), "$.steps[0].approval.required" },
        { "gate that cannot gate", Valid.Replace("timeout: 30m }", "timeout: 30m }\n    gates: [ { shell: { run: ls } } ]", StringComparison.Ordinal), "$.steps[0].gates[0]" },
    };

    [Fact]
    public void CommittedSchema_IsWhatTheGeneratorWrites()
    {
        var committed = File.ReadAllText(Path.Combine(Repository.Root, "schemas", "runbook.schema.json")).ReplaceLineEndings("\n");

        committed.Should().Be(
            RunbookJsonSchema.ToJsonText(),
            "schemas/runbook.schema.json is generated from the language and the action catalog; regenerate it with `runbook schema --output schemas/runbook.schema.json`");
    }

    [Fact]
    public void Generate_DescribesEveryActionsParameters()
    {
        var definitions = RunbookJsonSchema.Generate()["definitions"]!.AsObject();

        foreach (var action in ActionCatalog.BuiltIn.Values)
        {
            var with = definitions["with:" + action.Type]!.AsObject();
            with["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
            with["properties"]!.AsObject().Select(p => p.Key).Should().Equal(action.Parameters.Fields.Select(f => f.Name));
            with["description"]!.GetValue<string>().Should().Contain(action.Summary);
        }
    }

    [Theory]
    [MemberData(nameof(ShippedRunbooks))]
    public void Validate_ShippedRunbook_Conforms(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "runbooks", file));

        Schema.Value.Validate(YamlToJson.Convert(text)).Should().BeEmpty();
        text.Split('\n')[0].Should().Be("# yaml-language-server: $schema=../schemas/runbook.schema.json");
    }

    [Fact]
    public void Validate_SmallValidRunbook_Conforms()
    {
        Schema.Value.Validate(YamlToJson.Convert(Valid)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_TemplatedParameters_Conform()
    {
        const string yaml = """
            name: templated
            vars: { checks: [ { url: "https://example.com" } ], status: 200, method: POST }
            steps:
              - id: check
                action: http.check
                with: { checks: "${vars.checks}" }
              - id: call
                action: http
                with: { url: "https://example.com/x", method: "${vars.method}", expect_status: "${vars.status}" }

            """;

        Schema.Value.Validate(YamlToJson.Convert(yaml)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(BrokenRunbooks))]
    public void Validate_BrokenRunbook_IsRejected(string problem, string yaml, string expected)
    {
        var errors = Schema.Value.Validate(YamlToJson.Convert(yaml));

        errors.Should().Contain(e => e.Contains(expected, StringComparison.Ordinal), problem);
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("1h30m")]
    [InlineData("1d2h")]
    [InlineData("500ms")]
    [InlineData("1m500ms")]
    [InlineData("0s")]
    [InlineData("900")]
    [InlineData("1m1h")]
    [InlineData("1h1h")]
    [InlineData("")]
    [InlineData("ms")]
    [InlineData("10 m")]
    public void DurationPattern_AgreesWithTheLoader(string text)
    {
        var accepted = Schema.Value.Validate(JsonNode.Parse($$"""{"name":"x","steps":[{"id":"a","wait":"{{text}}"}]}""")).Count == 0;

        accepted.Should().Be(Durations.TryParse(text, out _, out _));
    }

    [Theory]
    [InlineData("T-6h")]
    [InlineData("T+90m")]
    [InlineData("T+1d2h")]
    [InlineData("T+0")]
    [InlineData("T-0")]
    [InlineData("T")]
    [InlineData("T0")]
    [InlineData("T+")]
    [InlineData("T6h")]
    [InlineData("t-6h")]
    [InlineData("T-6")]
    public void AnchorPattern_AgreesWithTheLoader(string text)
    {
        var accepted = Schema.Value.Validate(JsonNode.Parse($$"""{"name":"x","steps":[{"id":"a","wait":"1m","at":"{{text}}"}]}""")).Count == 0;

        accepted.Should().Be(TimeAnchor.TryParse(text, out _, out _));
    }
}
