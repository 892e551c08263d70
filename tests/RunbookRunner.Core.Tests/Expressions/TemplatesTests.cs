using FluentAssertions;
using RunbookRunner.Core.Expressions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Tests.Expressions;

public class TemplatesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FindReferences_EveryKind_IsClassifiedWithOffsets()
    {
        const string text = "${vars.repo} ${app_url} ${secrets.db} ${run.id} ${steps.backup.outputs.path} ${ bogus.x }";

        var refs = Templates.FindReferences(text);

        refs.Select(r => r.Kind).Should().Equal(
            TemplateReferenceKind.Variable,
            TemplateReferenceKind.EnvironmentVariable,
            TemplateReferenceKind.Secret,
            TemplateReferenceKind.Run,
            TemplateReferenceKind.StepOutput,
            TemplateReferenceKind.Invalid);
        refs[0].Should().Match<TemplateReference>(r => r.Name == "repo" && r.Offset == 0 && r.Length == 12);
        refs[4].Should().Match<TemplateReference>(r => r.StepId == "backup" && r.Name == "path");
        refs[5].Error.Should().Contain("unknown prefix 'bogus'");
    }

    [Fact]
    public void FindReferences_EscapedDollar_IsNotAReference()
    {
        Templates.FindReferences("cost: $${vars.x} and ${vars.y}").Should().ContainSingle().Which.Name.Should().Be("y");
    }

    [Theory]
    [InlineData("${", "not closed")]
    [InlineData("${}", "empty reference")]
    [InlineData("${run.nope}", "run properties are")]
    [InlineData("${steps.a.b}", "steps.STEP_ID.outputs.NAME")]
    [InlineData("${secrets.a.b}", "secrets.NAME")]
    [InlineData("${vars x}", "is not a reference")]
    [InlineData("${roles.a.b}", "roles.NAME")]
    public void FindReferences_Malformed_IsInvalidWithReason(string text, string reason)
    {
        var reference = Templates.FindReferences(text).Should().ContainSingle().Subject;

        reference.Kind.Should().Be(TemplateReferenceKind.Invalid);
        reference.Error.Should().Contain(reason);
    }

    [Fact]
    public void Render_Text_SubstitutesEveryKindAndUnescapes()
    {
        var ctx = Context().WithSecretResolver(name => name == "db" ? "postgres://u:pw@h/db" : null)
            .WithStepOutputs(new Dictionary<string, IReadOnlyDictionary<string, string>> { ["backup"] = new Dictionary<string, string> { ["path"] = "/b/1.dump" } });

        var text = Templates.Render(
            "${vars.repo}|${app_url}|${secrets.db}|${run.id}|${run.t0}|${run.environment}|${steps.backup.outputs.path}|$${literal}", ctx);

        text.Should().Be("acme/app|https://staging.example.com|postgres://u:pw@h/db|run-1|2026-12-01T14:00:00Z|staging|/b/1.dump|${literal}");
        ctx.ResolvedSecretValues.Should().Equal("postgres://u:pw@h/db");
    }

    [Fact]
    public void FindReferences_Role_IsClassifiedWithItsName()
    {
        var reference = Templates.FindReferences("ping ${roles.release-managers}").Should().ContainSingle().Subject;

        reference.Kind.Should().Be(TemplateReferenceKind.Role);
        reference.Name.Should().Be("release-managers");
        reference.Offset.Should().Be(5);
    }

    [Fact]
    public void Render_Role_IsTheSlackMentionsOfItsPeopleInOrder()
    {
        Templates.Render("Post-mortem due, ${roles.leads}: please start it", Context())
            .Should().Be("Post-mortem due, <@U01AAA> <@U01BBB>: please start it");
    }

    [Fact]
    public void Render_RoleAsWholeParameter_StaysText()
    {
        var rendered = Templates.Render(new ScalarValue("${roles.solo}", true, SourceLocation.None), Context());

        rendered.Should().BeOfType<ScalarValue>().Which.Text.Should().Be("<@U09ZZZ>");
    }

    [Fact]
    public void Render_UndeclaredRole_ThrowsTemplateExceptionNamingIt()
    {
        var act = () => Templates.Render("${roles.lead}", Context());

        act.Should().Throw<TemplateException>().WithMessage("*role 'lead' is not declared under 'roles'*");
    }

    [Fact]
    public void Render_BareName_FallsBackFromEnvironmentToVars()
    {
        Templates.Render("${repo} ${app_url}", Context()).Should().Be("acme/app https://staging.example.com");
    }

    [Fact]
    public void Render_VariableUsingVariables_IsExpandedRecursively()
    {
        Templates.Render("${vars.health}", Context()).Should().Be("https://staging.example.com/healthz");
    }

    [Fact]
    public void Render_VariableCycle_ThrowsTemplateException()
    {
        var ctx = new TemplateContext { Vars = new Dictionary<string, ParamValue> { ["a"] = Scalar("${vars.b}"), ["b"] = Scalar("${vars.a}") } };

        var act = () => Templates.Render("${vars.a}", ctx);

        act.Should().Throw<TemplateException>().WithMessage("*levels deep*");
    }

    [Theory]
    [InlineData("${vars.nope}", "*not defined in vars*")]
    [InlineData("${nope}", "*neither by the environment 'staging' nor in vars*")]
    [InlineData("${secrets.other}", "*secret 'other' could not be resolved*")]
    [InlineData("${steps.x.outputs.y}", "*has no outputs*")]
    [InlineData("${vars.list}", "*is a list*")]
    public void Render_Unresolvable_ThrowsTemplateExceptionSayingWhy(string text, string message)
    {
        var act = () => Templates.Render("x " + text, Context());

        act.Should().Throw<TemplateException>().WithMessage(message);
    }

    [Fact]
    public void Render_RunValuesOutsideRun_Throw()
    {
        var act = () => Templates.Render("${run.id}", new TemplateContext());

        act.Should().Throw<TemplateException>().WithMessage("*outside a run*");
    }

    [Fact]
    public void Render_Map_KeepsTypesOfWholeValueReferencesAndLocations()
    {
        var with = (MapValue)RunbookLoader.Load(
            """
            name: t
            steps:
              - id: a
                action: http
                with: { url: "${app_url}/x", expect_status: "${vars.code}", json: "${vars.list}", body: "$${not}", n: "${steps.a.outputs.status}" }
            """, "t.yaml").Runbook!.Steps[0].Action!.With;
        var ctx = Context().WithStepOutputs(new Dictionary<string, IReadOnlyDictionary<string, string>> { ["a"] = new Dictionary<string, string> { ["status"] = "201" } });

        var rendered = Templates.Render(with, ctx);

        rendered.GetString("url").Should().Be("https://staging.example.com/x");
        var code = (ScalarValue)rendered["expect_status"]!;
        code.TryGetInt(out var status).Should().BeTrue();
        status.Should().Be(200);
        code.Location.Should().Be(with["expect_status"]!.Location);
        rendered["json"].Should().BeOfType<ListValue>().Which.Items.Should().HaveCount(2);
        rendered.GetString("body").Should().Be("${not}");
        ((ScalarValue)rendered["n"]!).TryGetInt(out var n).Should().BeTrue();
        n.Should().Be(201);
    }

    [Fact]
    public void Escape_RendersBackToTheOriginal()
    {
        const string original = "a ${b} $${c}";

        Templates.Render(Templates.Escape(original), new TemplateContext()).Should().Be(original);
    }

    [Fact]
    public void ForRunbook_UnknownEnvironment_ThrowsNamingTheKnownOnes()
    {
        var runbook = new Runbook { Name = "t", Environments = new Dictionary<string, MapValue> { ["staging"] = MapValue.Empty } };

        var act = () => TemplateContext.ForRunbook(runbook, "prod");

        act.Should().Throw<ArgumentException>().WithMessage("*no environment 'prod'*staging*");
    }

    private static TemplateContext Context()
    {
        var runbook = RunbookLoader.Load(
            """
            name: t
            environments:
              staging: { app_url: "https://staging.example.com" }
            vars:
              repo: acme/app
              code: 200
              list: [1, 2]
              health: "${app_url}/healthz"
            roles: { leads: [U01AAA, U01BBB], solo: U09ZZZ }
            steps:
              - id: a
                wait: 1m
            """, "ctx.yaml").Runbook!;
        return TemplateContext.ForRunbook(runbook, "staging").ForRun("run-1", T0);
    }

    private static ScalarValue Scalar(string text) => new(text, true, SourceLocation.None);
}
