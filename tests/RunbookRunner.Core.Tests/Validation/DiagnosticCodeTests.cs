using FluentAssertions;
using RunbookRunner.Core.Diagnostics;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Tests.TestSupport;

namespace RunbookRunner.Core.Tests.Validation;

/// <summary>One test per diagnostic code: the code, its line and column, and the gist of the message.</summary>
public class DiagnosticCodeTests
{
    [Fact]
    public void LoadFile_MissingFile_ReportsRB000AtStart()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-runbook-" + Guid.NewGuid().ToString("N") + ".yaml");

        var result = RunbookLoader.LoadFile(path);

        result.Runbook.Should().BeNull();
        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be("RB000");
        diagnostic.ToString().Should().Be($"{path}:1:1: error RB000: the file does not exist");
    }

    [Fact]
    public void Load_UnclosedQuote_ReportsRB001WithPosition()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: "1m
            """;

        var result = Diagnose.Load(yaml);

        result.Runbook.Should().BeNull();
        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be("RB001");
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Location.Line.Should().Be(4);
        diagnostic.Location.Column.Should().Be(11);
        diagnostic.Message.Should().NotContain("Idx:");
    }

    [Fact]
    public void Load_SyntaxErrorMidFile_ReportsRB001AtTheBrokenLineOnly()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
              - id: b
                wait: [1m, 2m
              - id: c
                wait: 3m
            """;

        var result = Diagnose.Load(yaml);

        result.Runbook.Should().BeNull();
        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be("RB001");
        (diagnostic.Location.Line, diagnostic.Location.Column).Should().Be((6, 14), diagnostic.ToString());
        diagnostic.Message.Should().Contain("unclosed '{', '[' or quote");
    }

    [Fact]
    public void Load_UnquotedReferenceInFlowMap_ReportsRB001WithQuotingHint()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                action: shell
                with: { run: ${vars.cmd} }
            """;

        var diagnostic = Diagnose.Single(yaml, "RB001");

        diagnostic.Location.Line.Should().Be(5);
        diagnostic.Message.Should().Contain("quote values that hold ${...} inside { } or [ ]");
    }

    [Fact]
    public void Load_NestingDeeperThanLimit_ReportsRB002AtTooDeepList()
    {
        var yaml = "name: " + new string('[', 100) + new string(']', 100);

        // The root map is level 0 and the first '[' (column 7) is level 1; level 64 is refused.
        var diagnostic = Diagnose.At(yaml, "RB002", 1, 6 + LoaderLimits.MaxDepth);

        diagnostic.Message.Should().Contain("nested more than 64 levels");
    }

    [Fact]
    public void Load_RootIsAList_ReportsRB003()
    {
        const string yaml = """
            - id: a
              wait: 1m
            """;

        Diagnose.At(yaml, "RB003", 1, 1).Message.Should().Contain("a runbook is a map");
    }

    [Fact]
    public void Load_DuplicateKey_ReportsRB004AtSecondKey()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
                wait: 2m
            """;

        Diagnose.At(yaml, "RB004", 5, 5).Message.Should().Contain("key 'wait' appears twice").And.Contain("line 4");
    }

    [Fact]
    public void Load_UnknownStepKey_ReportsRB010WithSuggestion()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
                tiemout: 5m
            """;

        Diagnose.At(yaml, "RB010", 5, 5).Message.Should().Be("unknown key 'tiemout' in step 'a'; did you mean 'timeout'?");
    }

    [Fact]
    public void Load_StepWithoutId_ReportsRB011AtStep()
    {
        const string yaml = """
            name: t
            steps:
              - wait: 1m
            """;

        Diagnose.At(yaml, "RB011", 3, 5).Message.Should().Be("step 1 is missing required key 'id'");
    }

    [Fact]
    public void Load_StepsIsAMap_ReportsRB012AtValue()
    {
        const string yaml = """
            name: t
            steps: { id: a }
            """;

        Diagnose.At(yaml, "RB012", 2, 8).Message.Should().Be("'steps' of the runbook must be a list, not a map");
    }

    [Fact]
    public void Load_UnknownFailurePolicy_ReportsRB013WithAllowedValues()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
                on_failure: rolback
            """;

        Diagnose.At(yaml, "RB013", 5, 17).Message.Should().Contain("pause, rollback, abort, continue").And.Contain("did you mean 'rollback'?");
    }

    [Fact]
    public void Load_StepIdNotASlug_ReportsRB014WithSlugSuggestion()
    {
        const string yaml = """
            name: t
            steps:
              - id: Deploy Now
                wait: 1m
            """;

        Diagnose.At(yaml, "RB014", 3, 9).Message.Should().Contain("(e.g. 'deploy-now')");
    }

    [Fact]
    public void Load_WithOnWaitStep_ReportsRB015AtKey()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
                with: { run: "true" }
            """;

        Diagnose.At(yaml, "RB015", 5, 5).Message.Should().Contain("has no 'action'");
    }

    [Fact]
    public void Load_ManualRollbackStep_ReportsRB016AtManualKey()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 1m }
            steps:
              - id: a
                wait: 1m
            rollback:
              - id: confirm
                manual: Team confirms the old site is back
            """;

        Diagnose.At(yaml, "RB016", 8, 5).Message.Should()
            .StartWith("rollback step 'confirm' is a 'manual' step; rollback steps must be actions");
    }

    [Fact]
    public void Load_ApprovalRollbackStep_ReportsRB016AtApprovalKey()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 1m }
            roles: { leads: [U1] }
            steps:
              - id: a
                wait: 1m
            rollback:
              - id: ok-to-restore
                approval: { roles: leads, timeout: 10m }
            """;

        Diagnose.At(yaml, "RB016", 9, 5).Message.Should().Be(
            "rollback step 'ok-to-restore' is an approval; rollback steps must be actions (put the approval on the guard or step that starts the rollback)");
    }

    [Fact]
    public void Load_RollbackActionWithApproval_ReportsRB016AtApprovalKey()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 1m }
            roles: { leads: [U1] }
            steps:
              - id: a
                wait: 1m
            rollback:
              - id: notify
                action: slack.post
                with: { channel: C1, text: rolled back }
                approval: { roles: leads, timeout: 10m }
            """;

        Diagnose.At(yaml, "RB016", 11, 5).Message.Should().StartWith("'approval' is not allowed in rollback step 'notify'");
    }

    [Fact]
    public void Load_WaitRollbackStep_ReportsRB016AtWaitKey()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
            rollback:
              - id: settle
                wait: 5m
            """;

        Diagnose.At(yaml, "RB016", 7, 5).Message.Should().Contain("is a 'wait' step");
    }

    [Fact]
    public void Load_BadDuration_ReportsRB020AtValue()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 5 minutes
            """;

        Diagnose.At(yaml, "RB020", 4, 11).Message.Should().Contain("'5 minutes'");
    }

    [Fact]
    public void Load_BadAnchor_ReportsRB021AtValue()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                at: 6h before launch
                wait: 1m
            """;

        Diagnose.At(yaml, "RB021", 4, 9).Message.Should().Contain("T-6h");
    }

    [Fact]
    public void Load_UnknownTimeZone_ReportsRB022WithSuggestion()
    {
        const string yaml = """
            name: t
            timezone: Europe/Londn
            steps:
              - id: a
                wait: 1m
            """;

        Diagnose.At(yaml, "RB022", 2, 11).Message.Should().Contain("did you mean 'Europe/London'?");
    }

    [Fact]
    public void Load_DuplicateIdAcrossStepsAndGuards_ReportsRB030AtSecondId()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
            guards:
              - id: a
                from: a
                check: { url: "https://x.example/health", expect_status: 200 }
            """;

        Diagnose.At(yaml, "RB030", 6, 9).Message.Should().Contain("already used by the step at line 3");
    }

    [Fact]
    public void Load_AfterUnknownStep_ReportsRB031WithSuggestion()
    {
        const string yaml = """
            name: t
            steps:
              - id: backup
                wait: 1m
              - id: b
                after: [bakup]
                wait: 1m
            """;

        Diagnose.At(yaml, "RB031", 6, 13).Message.Should().Be("step 'b' comes after 'bakup', which is not a step; did you mean 'backup'?");
    }

    [Fact]
    public void Load_DependencyCycle_ReportsRB032NamingTheCycle()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                after: [c]
                wait: 1m
              - id: b
                wait: 1m
              - id: c
                wait: 1m
            """;

        // b follows a (previous step), c follows b, a waits for c.
        Diagnose.At(yaml, "RB032", 4, 12).Message.Should().StartWith("dependency cycle: a -> b -> c -> a");
    }

    [Fact]
    public void Load_StepAnchoredBeforeItsDependency_ReportsRB033WithBothAnchors()
    {
        const string yaml = """
            name: t
            steps:
              - id: migrate
                at: T-5h
                wait: 1m
              - id: deploy
                at: T-6h
                wait: 1m
            """;

        Diagnose.At(yaml, "RB033", 7, 9).Message.Should().Be(
            "step 'deploy' is anchored at T-6h, earlier than step 'migrate' (T-5h) that it waits for; move 'at' later or change 'after'");
    }

    [Fact]
    public void Load_StepWithWaitAndManual_ReportsRB034()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                manual: Brief the team
                wait: 1m
            """;

        Diagnose.At(yaml, "RB034", 5, 5).Message.Should().Contain("has manual and wait");
    }

    [Fact]
    public void Load_EveryWithoutUntil_ReportsRB035AtEvery()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
                every: 1h
            """;

        Diagnose.At(yaml, "RB035", 5, 5).Message.Should().Contain("needs 'until'");
    }

    [Fact]
    public void Load_OnlyUnknownEnvironment_ReportsRB036WithSuggestion()
    {
        const string yaml = """
            name: t
            environments:
              staging: {}
              production: {}
            steps:
              - id: a
                wait: 1m
                only: [prodution]
            """;

        Diagnose.At(yaml, "RB036", 8, 12).Message.Should().Contain("did you mean 'production'?");
    }

    [Fact]
    public void Load_ApprovalUnknownRole_ReportsRB040WithSuggestion()
    {
        const string yaml = """
            name: t
            roles: { release-managers: [U1, U2] }
            steps:
              - id: a
                approval: { roles: [release-manager], timeout: 10m }
            """;

        Diagnose.At(yaml, "RB040", 5, 25).Message.Should().Contain("did you mean 'release-managers'?");
    }

    [Fact]
    public void Load_RoleReferenceUndeclared_ReportsRB040AtReference()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 5m }
            roles: { leads: [U1] }
            steps:
              - id: a
                action: slack.post
                with: { channel: C1, text: "Ping ${roles.lead}" }
            """;

        // The quoted scalar starts at column 32; the reference 5 characters into its text.
        Diagnose.At(yaml, "RB040", 7, 38).Message.Should().Be(
            "'${roles.lead}': role 'lead' is not declared under 'roles'; did you mean 'leads'?");
    }

    [Fact]
    public void Load_ApprovalRequiresMoreThanAvailable_ReportsRB041AtRequired()
    {
        const string yaml = """
            name: t
            roles: { leads: [U1, U2], product: [U2] }
            steps:
              - id: go
                approval:
                  roles: [leads, product]
                  required: 3
                  timeout: 30m
            """;

        Diagnose.At(yaml, "RB041", 7, 17).Message.Should().Be(
            "the approval of step 'go' requires 3 approvers, but roles leads, product have only 2 (U1, U2)");
    }

    [Fact]
    public void Load_RoleCountAboveItsPeople_ReportsRB041AtTheRole()
    {
        const string yaml = """
            name: t
            roles: { leads: [U1, U2], product: [U3] }
            steps:
              - id: go
                approval:
                  roles: [leads, product]
                  required: { leads: 1, product: 2 }
                  timeout: 30m
            """;

        Diagnose.At(yaml, "RB041", 7, 29).Message.Should().Be(
            "the approval of step 'go' requires 2 approvers from role product, but it has only 1 (U3)");
    }

    [Fact]
    public void Load_RequiredAllWithOnePersonInEveryRole_ReportsRB041AtRequired()
    {
        const string yaml = """
            name: t
            roles: { leads: [U1], product: [U1] }
            steps:
              - id: go
                approval:
                  roles: [leads, product]
                  required: all
                  timeout: 30m
            """;

        Diagnose.At(yaml, "RB041", 7, 17).Message.Should().Be(
            "the approval of step 'go' requires 1 from leads, 1 from product (2 people, one role each), but roles leads, product can fill at most 1: U1 is in several of them and counts once");
    }

    [Fact]
    public void Load_RoleCountForRoleNotInRoles_ReportsRB042AtTheKey()
    {
        const string yaml = """
            name: t
            roles: { leads: [U1, U2], product: [U3], sre: [U4] }
            steps:
              - id: go
                approval:
                  roles: [leads, product]
                  required: { leads: 1, product: 1, sre: 1 }
                  timeout: 30m
            """;

        Diagnose.At(yaml, "RB042", 7, 41).Message.Should().Be(
            "'required' of the approval of step 'go' counts role 'sre', which is not in its roles (leads, product); add it to 'roles' or remove the count");
    }

    [Fact]
    public void Load_ListedRoleWithoutCount_ReportsRB042AtTheRole()
    {
        const string yaml = """
            name: t
            roles: { leads: [U1, U2], product: [U3] }
            steps:
              - id: go
                approval:
                  roles: [leads, product]
                  required: { leads: 1 }
                  timeout: 30m
            """;

        Diagnose.At(yaml, "RB042", 6, 22).Message.Should().Contain("role 'product' may approve step 'go', but 'required' gives it no count")
            .And.Contain("(e.g. product: 1)");
    }

    [Fact]
    public void Load_RoleCountOfZero_ReportsRB013AtTheCount()
    {
        const string yaml = """
            name: t
            roles: { leads: [U1, U2] }
            steps:
              - id: go
                approval:
                  roles: [leads]
                  required: { leads: 0 }
                  timeout: 30m
            """;

        Diagnose.At(yaml, "RB013", 7, 26).Message.Should().Contain("the count of role 'leads' in 'required' of the approval of step 'go' must be between 1 and 1000, not 0");
    }

    [Fact]
    public void Load_RequiredAWord_ReportsRB012NamingTheThreeForms()
    {
        const string yaml = """
            name: t
            roles: { leads: [U1, U2], product: [U3] }
            steps:
              - id: go
                approval:
                  roles: [leads, product]
                  required: two
                  timeout: 30m
            """;

        Diagnose.At(yaml, "RB012", 7, 17).Message.Should().Be(
            "'required' of the approval of step 'go' must be a whole number, 'all' or a map from role to count (e.g. { leads: 1, product: 1 }), not 'two'");
    }

    [Fact]
    public void Load_UndefinedVariable_ReportsRB050AtReference()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 5m }
            vars: { repo: acme/app }
            steps:
              - id: a
                action: shell
                with: { run: "echo ${vars.rpo}" }
            """;

        // The quoted scalar starts at column 18; the reference 5 characters into its text.
        Diagnose.At(yaml, "RB050", 7, 24).Message.Should().Contain("did you mean 'repo'?");
    }

    [Fact]
    public void Load_UndefinedSecret_ReportsRB051AtReference()
    {
        const string yaml = """
            name: t
            secrets: { db_url: env:DB_URL }
            steps:
              - id: a
                action: postgres.backup
                with: { connection: "${secrets.db}", to: /tmp/x.dump }
                timeout: 5m
            """;

        Diagnose.At(yaml, "RB051", 6, 26).Message.Should().Contain("secret 'db' is not declared");
    }

    [Fact]
    public void Load_EnvironmentVariableMissingInOneEnvironment_ReportsRB052NamingIt()
    {
        const string yaml = """
            name: t
            environments:
              staging: { app_url: https://staging.example.com }
              production: { api_url: https://www.example.com }
            steps:
              - id: a
                action: http.check
                with: { checks: [ { url: "${app_url}/healthz" } ] }
                timeout: 1m
            """;

        Diagnose.At(yaml, "RB052", 8, 31).Message.Should().Be(
            "'${app_url}': variable 'app_url' is not defined in environment production (nor in vars); did you mean 'api_url'?");
    }

    [Fact]
    public void Load_UndeclaredStepOutput_ReportsRB053ListingOutputs()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 5m }
            steps:
              - id: backup
                action: postgres.backup
                with: { connection: "${secrets.db}", to: /b.dump }
              - id: report
                action: slack.post
                with: { channel: C1, text: "size ${steps.backup.outputs.size}" }
                idempotent: true
            secrets: { db: env:DB }
            """;

        Diagnose.At(yaml, "RB053", 9, 38).Message.Should().Contain("has no output 'size' (outputs: path, size_bytes, duration_ms)");
    }

    [Fact]
    public void Load_UnknownRunProperty_ReportsRB054()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                manual: "Start run ${run.name}"
            """;

        Diagnose.At(yaml, "RB054", 4, 24).Message.Should().Contain("run.id, run.t0, run.environment");
    }

    [Fact]
    public void Load_VariablesReferringToEachOther_ReportsRB055NamingTheCycle()
    {
        const string yaml = """
            name: t
            vars:
              a: "${vars.b}/x"
              b: "${vars.a}/y"
            steps:
              - id: s
                wait: 1m
            """;

        Diagnose.At(yaml, "RB055", 3, 3).Message.Should().Be("variables refer to each other in a cycle: vars.a -> vars.b -> vars.a");
    }

    [Fact]
    public void Load_UnknownAction_ReportsRB060WithSuggestion()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                action: shel
                with: { run: "true" }
                timeout: 1m
            """;

        Diagnose.At(yaml, "RB060", 4, 13).Message.Should().Be("step 'a' uses unknown action 'shel'; did you mean 'shell'?");
    }

    [Fact]
    public void Load_UnknownActionParameter_ReportsRB061WithSuggestion()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                action: shell
                with: { rn: "true" }
                timeout: 1m
                idempotent: true
            """;

        Diagnose.At(yaml, "RB061", 5, 13).Message.Should().Contain("unknown parameter 'rn' of step 'a' (shell); did you mean 'run'?");
    }

    [Fact]
    public void Load_MissingRequiredParameter_ReportsRB062AtParameters()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                action: http.wait
                with:
                  expect_status: 200
                timeout: 1m
            """;

        Diagnose.At(yaml, "RB062", 6, 7).Message.Should().StartWith("missing required parameter 'url' of step 'a' (http.wait)");
    }

    [Fact]
    public void Load_HttpCheckTlsOnPlainHttpUrl_ReportsRB063AtTls()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                action: http.check
                with:
                  checks:
                    - { url: "http://example.com/", tls: { min_days_valid: 14 } }
                timeout: 1m
            """;

        Diagnose.At(yaml, "RB063", 7, 41).Message.Should().Be(
            "parameter 'checks[0].tls' of step 'a' (http.check) needs an https URL, not 'http://example.com/': only https has a certificate to check");
    }

    [Fact]
    public void Load_HttpCheckHeaderNameWithSpace_ReportsRB063AtTheName()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                action: http.check
                with:
                  checks:
                    - url: https://example.com/
                      headers:
                        x frame options: DENY
                timeout: 1m
            """;

        Diagnose.At(yaml, "RB063", 9, 13).Message.Should().StartWith(
            "parameter 'checks[0].headers' of step 'a' (http.check) names 'x frame options', which is not an HTTP header name");
    }

    [Fact]
    public void Load_HttpCheckWithHeadersAndTls_IsClean()
    {
        Diagnose.Clean("""
            name: t
            steps:
              - id: a
                action: http.check
                with:
                  checks:
                    - url: https://example.com/
                      headers: { strict-transport-security: "max-age=*", X-Content-Type-Options: nosniff }
                      tls: { min_days_valid: 14 }
                timeout: 1m
            """);
    }

    [Fact]
    public void Load_ParameterOfWrongType_ReportsRB063AtValue()
    {
        const string yaml = """
            name: t
            secrets: { db: env:DB }
            steps:
              - id: a
                action: postgres.backup
                with: { connection: "${secrets.db}", to: /b.dump, verify: maybe }
                timeout: 1m
            """;

        Diagnose.At(yaml, "RB063", 6, 63).Message.Should().Be(
            "parameter 'verify' of step 'a' (postgres.backup) must be true or false, not 'maybe'");
    }

    [Fact]
    public void Load_ShellWithRunAndArgv_ReportsRB064()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                action: shell
                with: { run: "true", argv: ["true"] }
                timeout: 1m
                idempotent: true
            """;

        Diagnose.At(yaml, "RB064", 5, 26).Message.Should().Be("step 'a' (shell) takes only one of 'run', 'argv'");
    }

    [Fact]
    public void Load_GateThatIsNotACheck_ReportsRB065()
    {
        const string yaml = """
            name: t
            roles: { leads: [U1] }
            steps:
              - id: go
                approval: { roles: [leads], timeout: 5m }
                gates:
                  - http: { method: POST, url: "https://x.example/launch" }
            """;

        Diagnose.At(yaml, "RB065", 7, 9).Message.Should().Contain("'http' cannot be a gate");
    }

    [Fact]
    public void Load_SecretSourceForUndeclaredEnvironment_ReportsRB036AtTheKey()
    {
        const string yaml = """
            name: t
            environments: { staging: {}, production: {} }
            secrets:
              db_url: { staging: env:STAGING_DB, prodution: env:PROD_DB }
            steps:
              - id: a
                wait: 1m
            """;

        Diagnose.At(yaml, "RB036", 4, 38).Message.Should().Be(
            "secret 'db_url' has a source for environment 'prodution'; environments are staging, production; did you mean 'production'?");
    }

    [Fact]
    public void Load_PerEnvironmentSecretFromUnsupportedSource_ReportsRB070AtTheSource()
    {
        const string yaml = """
            name: t
            environments: { staging: {}, production: {} }
            secrets:
              db_url:
                staging: env:STAGING_DB
                production: vault:db
            steps:
              - id: a
                wait: 1m
            """;

        Diagnose.At(yaml, "RB070", 6, 17).Message.Should().StartWith("secret 'db_url' in environment 'production' has source 'vault:db'");
    }

    [Fact]
    public void Load_SecretFromUnsupportedSource_ReportsRB070()
    {
        const string yaml = """
            name: t
            secrets:
              token: vault:secret/data/token
            steps:
              - id: a
                wait: 1m
            """;

        Diagnose.At(yaml, "RB070", 3, 10).Message.Should().Contain("env:VARIABLE and file:PATH");
    }

    [Fact]
    public void Load_GuardFromUnknownStep_ReportsRB080WithSuggestion()
    {
        const string yaml = """
            name: t
            steps:
              - id: dns-cutover
                wait: 1m
            guards:
              - id: errors
                from: dns-cutovr
                check: { url: "https://x.example/metrics", json_path: "$.rate", above: 0.05 }
            """;

        Diagnose.At(yaml, "RB080", 7, 11).Message.Should().Contain("did you mean 'dns-cutover'?");
    }

    [Fact]
    public void Load_GuardCheckWithoutCondition_ReportsRB081AtCheck()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
            guards:
              - id: errors
                from: a
                check:
                  url: "https://x.example/metrics"
            """;

        Diagnose.At(yaml, "RB081", 9, 7).Message.Should().Contain("never trips");
    }

    [Fact]
    public void Load_NonIdempotentActionWithoutUndo_WarnsRBW001()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 5m }
            steps:
              - id: migrate
                action: shell
                with: { run: ./migrate.sh up }
            """;

        var diagnostic = Diagnose.At(yaml, "RBW001", 5, 13);

        diagnostic.Severity.Should().Be(DiagnosticSeverity.Warning);
        diagnostic.ToString().Should().Contain("warning RBW001:");
    }

    [Fact]
    public void Load_ApprovalWithoutTimeout_WarnsRBW002()
    {
        const string yaml = """
            name: t
            roles: { leads: [U1] }
            steps:
              - id: go
                approval: { roles: [leads] }
            """;

        Diagnose.At(yaml, "RBW002", 5, 15).Severity.Should().Be(DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Load_ActionStepWithoutAnyTimeout_WarnsRBW003()
    {
        const string yaml = """
            name: t
            steps:
              - id: smoke
                action: http.check
                with: { checks: [ { url: "https://x.example/" } ] }
            """;

        Diagnose.At(yaml, "RBW003", 4, 13).Message.Should().Contain("no timeout");
    }

    [Fact]
    public void Load_RollbackStepWithoutTimeout_WarnsRBW004()
    {
        const string yaml = """
            name: t
            steps:
              - id: a
                wait: 1m
            rollback:
              - id: status
                action: slack.post
                with: { channel: C1, text: rolled back }
            """;

        Diagnose.At(yaml, "RBW004", 7, 13).Message.Should().Contain("rollback step 'status'");
    }

    [Fact]
    public void Load_OutputOfStepNotWaitedFor_WarnsRBW005()
    {
        const string yaml = """
            name: t
            defaults: { timeout: 5m }
            steps:
              - id: build
                action: github.workflow
                with: { repo: acme/app, workflow: build.yml, ref: main, wait: true }
                idempotent: true
              - id: announce
                after: []
                action: slack.post
                with: { channel: C1, text: "${steps.build.outputs.html_url}" }
                idempotent: true
            """;

        Diagnose.At(yaml, "RBW005", 11, 33).Message.Should().Contain("does not wait for 'build'");
    }

    [Fact]
    public void Load_LiteralToken_WarnsRBW006()
    {
        const string yaml = """
            name: t
            steps:
              - id: status
                action: github.commit_status
                with: { repo: acme/app, ref: main, token: ghp_literal }
                timeout: 1m
            """;

        Diagnose.At(yaml, "RBW006", 5, 47).Message.Should().Contain("${secrets.NAME}");
    }
}
