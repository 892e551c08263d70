using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;
using RunbookRunner.Core.Tests.TestSupport;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Core.Tests.Validation;

public class ValidatorTests
{
    [Fact]
    public void Load_ManyProblems_ReportsEveryErrorAtOnceInSourceOrder()
    {
        const string yaml = """
            name: Launch Day
            timezone: Mars/Olympus
            roles: { leads: [U1] }
            steps:
              - id: a
                action: shel
                with: { run: "true" }
                tiemout: 5m
              - id: b
                after: [nope]
                wait: soon
              - id: b
                approval: { roles: [leeds], required: 2, timeout: 5m }
              - id: c
                action: http
                with: { url: "${vars.missing}", expect_status: 999 }
            """;

        var result = Diagnose.Load(yaml);

        result.Runbook.Should().NotBeNull("the model is built even when there are errors");
        result.Errors.Select(d => d.Code).Should().BeEquivalentTo(
            ["RB014", "RB022", "RB060", "RB010", "RB031", "RB020", "RB030", "RB040", "RB050", "RB063"]);
        result.Diagnostics.Select(d => d.Location.Line).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Load_ValidRunbookUsingEveryFeature_HasNoDiagnostics()
    {
        const string yaml = """
            name: full
            title: "Launch ${vars.product}"
            timezone: Europe/London
            channel: C0123
            environments:
              staging: { app_url: "https://staging.example.com" }
              production: { app_url: "https://www.example.com" }
            vars:
              product: Acme
              repo: acme/app
              health: "${app_url}/healthz"
              checks: [ { url: "https://www.example.com/" } ]
            secrets: { db: env:DB_URL, cf: file:/run/secrets/cf, gh: env:GH_TOKEN }
            roles: { leads: [U1, U2], product: [U3] }
            defaults: { timeout: 10m, retry: { attempts: 2, backoff: 10s, factor: 2, max_backoff: 1m }, on_failure: pause }
            steps:
              - id: go
                at: T-1h
                approval: { roles: [leads, product], required: 2, forbid_self: true, timeout: 30m, escalate_after: 10m, escalate_to: [leads], on_timeout: abort }
                gates:
                  - github.open_issues: { repo: "${vars.repo}", labels: [P0], token: "${secrets.gh}" }
                  - action: github.commit_status
                    with: { repo: "${vars.repo}", ref: main }
              - id: backup
                action: postgres.backup
                with: { connection: "${secrets.db}", to: "/backups/${run.id}-${run.environment}.dump", verify: true }
              - id: migrate
                action: shell
                with: { argv: [./migrate.sh, up], env: { T0: "${run.t0}" }, expect_exit: [0, 3] }
                idempotent: false
                undo: { action: postgres.restore, with: { connection: "${secrets.db}", from: "${steps.backup.outputs.path}" } }
                on_failure: rollback
                retry: 1
              - id: brief
                manual: { title: "Brief ${vars.product} team", instructions: "Read the plan", roles: [leads] }
              - id: settle
                wait: 5m
                only: [production]
              - id: smoke
                after: [migrate, settle]
                action: http.check
                with: { checks: "${vars.checks}" }
              - id: dns
                at: T+0
                action: dns.cloudflare
                with: { zone: example.com, record: www, type: A, content: 203.0.113.10, token: "${secrets.cf}" }
                undo: { action: dns.cloudflare, with: { zone: example.com, record: www, type: A, content: "${steps.dns.outputs.previous_content}", token: "${secrets.cf}" } }
              - id: watch
                every: 1h
                until: T+1d
                action: http.wait
                with: { url: "${health}", expect_status: 2xx, interval: 10s }
            guards:
              - id: errors
                title: Error rate
                from: dns
                until: T+2h
                every: 30s
                check: { url: "${app_url}/metrics", json_path: "$.rate", above: 0.05, for: 2m }
                then: pause
                approval: { roles: [leads], timeout: 5m }
            rollback:
              - id: status-page
                action: http
                with: { method: POST, url: "https://status.example.com/api", json: { title: "Rolled back ${vars.product}" }, expect_status: [200, 201] }
            """;

        var runbook = Diagnose.Clean(yaml).Runbook!;

        runbook.Steps.Select(s => s.Id).Should().Equal("go", "backup", "migrate", "brief", "settle", "smoke", "dns", "watch");
        runbook.Guards.Should().ContainSingle();
        runbook.Rollback.Should().ContainSingle();
    }

    [Fact]
    public void DiagnosticCodes_EveryCode_HasItsOwnTest()
    {
        var testNames = typeof(DiagnosticCodeTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
            .Select(m => m.Name)
            .ToList();

        var tested = testNames
            .Select(n => Regex.Match(n, "_(?:Reports|Warns)(RBW?[0-9]{3})"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet();
        // RB900-RB903 come from starting a run: RunStartValidationTests in the engine's tests assert them.
        string[] runStart = [DiagnosticCodes.UnknownRunEnvironment, DiagnosticCodes.RunEnvironmentMissing, DiagnosticCodes.BadRunSettings, DiagnosticCodes.NoSecretSourceForEnvironment];
        var untested = DiagnosticCodes.Titles.Keys.Where(code => code != DiagnosticCodes.InternalError && !runStart.Contains(code) && !tested.Contains(code));

        untested.Should().BeEmpty();
    }

    [Fact]
    public void DiagnosticCodes_Constants_MatchTheTitleTable()
    {
        var constants = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        constants.Should().OnlyHaveUniqueItems();
        constants.Should().BeEquivalentTo(DiagnosticCodes.Titles.Keys);
        constants.Should().AllSatisfy(c => c.Should().MatchRegex("^RBW?[0-9]{3}$"));
    }

    [Fact]
    public void DiagnosticCodes_EveryCode_IsDocumentedInTheLanguageReference()
    {
        var docs = Repository.ReadText("docs", "runbook-language.md");

        DiagnosticCodes.Titles.Keys.Where(code => !docs.Contains($"`{code}`", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void LanguageReference_EveryCodeItMentions_IsADeclaredCode()
    {
        var docs = Repository.ReadText("docs", "runbook-language.md");

        var mentioned = Regex.Matches(docs, @"\bRBW?\d{3}\b").Select(m => m.Value).Distinct();

        mentioned.Where(code => !DiagnosticCodes.Titles.ContainsKey(code)).Should().BeEmpty("the reference documents only codes that exist");
    }

    [Fact]
    public void DiagnosticCodes_EveryCode_HasATestAssertingItsPosition()
    {
        // RB999 is a loader bug (the fuzz tests assert it never appears); RB900-RB903 come from starting a run
        // and are asserted, with their position, in the engine's RunStartValidationTests.
        string[] elsewhere = ["RB999", "RB900", "RB901", "RB902", "RB903"];
        var tests = Repository.ReadText("tests", "RunbookRunner.Core.Tests", "Validation", "DiagnosticCodeTests.cs");

        DiagnosticCodes.Titles.Keys.Except(elsewhere)
            .Where(code => !Regex.IsMatch(tests, $@"(At\(yaml, ""{code}"", \d+, [^)]+\)|""{code}""[\s\S]{{0,400}}Location\.Line[\s\S]{{0,200}}Column|:1:1: error {code}:)"))
            .Should().BeEmpty("every code has a test in DiagnosticCodeTests asserting its line and column");
        Repository.ReadText("tests", "RunbookRunner.Engine.Tests", "Running", "RunStartValidationTests.cs").Should()
            .Contain("1:1: error RB900:").And.Contain("1:1: error RB901:").And.Contain("1:1: error RB902:").And.Contain("1:1: error RB903:");
    }

    [Fact]
    public void Load_TemplatedParameter_SkipsStaticTypeCheck()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 1m }
            vars: { verify: "true", code: 200 }
            secrets: { db: env:DB }
            steps:
              - id: a
                action: postgres.backup
                with: { connection: "${secrets.db}", to: /b.dump, verify: "${vars.verify}" }
              - id: b
                action: http.wait
                with: { url: "https://x.example", expect_status: "${vars.code}" }
            """;

        Diagnose.Clean(yaml);
    }

    [Fact]
    public void Load_OwnOutputInUndo_IsAllowed()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 1m }
            secrets: { cf: env:CF }
            steps:
              - id: dns
                action: dns.cloudflare
                with: { zone: z, record: www, type: A, content: 1.2.3.4, token: "${secrets.cf}" }
                undo: { action: dns.cloudflare, with: { zone: z, record: www, type: A, content: "${steps.dns.outputs.previous_content}", token: "${secrets.cf}" } }
            """;

        Diagnose.Clean(yaml);
    }

    [Fact]
    public void Load_TransitiveAnchorConflict_NamesTheLatestAncestor()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                at: T-1h
                wait: 1m
              - id: b
                wait: 1m
              - id: c
                at: T-2h
                wait: 1m
            """;

        Diagnose.Single(yaml, "RB033").Message.Should().Contain("step 'a' (T-1h)");
    }

    [Fact]
    public void Load_ParallelBranches_AreNotACycle()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
              - id: b
                after: [a]
                wait: 1m
              - id: c
                after: [a]
                wait: 1m
              - id: d
                after: [b, c]
                wait: 1m
            """;

        Diagnose.Clean(yaml);
    }

    [Fact]
    public void Load_LongChainOfSteps_ValidatesWithoutRecursionLimits()
    {
        var steps = string.Concat(Enumerable.Range(0, 5000).Select(i => $"  - {{ id: s{i}, wait: 1s }}\n"));

        var result = Diagnose.Load("name: long\nsteps:\n" + steps);

        result.Diagnostics.Should().BeEmpty();
        result.Runbook!.Steps.Should().HaveCount(5000);
    }

    [Fact]
    public void Load_StepInRollbackWithAnchor_ReportsKeyNotAllowed()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
            rollback:
              - id: r
                at: T+1h
                wait: 1m
            """;

        Diagnose.At(yaml, "RB015", 7, 5).Message.Should().Contain("rollback steps run one after another");
    }
}
