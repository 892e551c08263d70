using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Tests.TestSupport;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Tests.Loading;

public class RunbookLoaderTests
{
    [Fact]
    public void Load_SecretPerEnvironment_BindsOneSourcePerEnvironment()
    {
        var result = RunbookLoader.Load(
            """
            name: t
            environments: { staging: {}, production: {} }
            secrets:
              db_url: { staging: env:STAGING_DATABASE_URL, production: "file:/run/secrets/db" }
              token: env:TOKEN
            steps:
              - id: a
                wait: 1m
            """, "t.yaml");

        result.Diagnostics.Should().BeEmpty();
        var runbook = result.Runbook!;
        runbook.SecretNames.Should().BeEquivalentTo(["db_url", "token"]);
        runbook.Secrets.Keys.Should().Equal("token");
        runbook.SecretSourceIn("db_url", "staging").Should().Be(new SecretSource(SecretSourceKind.Env, "STAGING_DATABASE_URL", runbook.EnvironmentSecrets["db_url"]["staging"].Location));
        runbook.SecretSourceIn("db_url", "production")!.Kind.Should().Be(SecretSourceKind.File);
        runbook.SecretSourceIn("db_url", null).Should().BeNull();
        runbook.SecretSourceIn("token", "production")!.Reference.Should().Be("TOKEN");
        runbook.DeclaresSecret("db_url").Should().BeTrue();
        runbook.DeclaresSecret("nope").Should().BeFalse();
    }

    [Fact]
    public void Load_DesignExample_BuildsTheWholeModel()
    {
        var result = RunbookLoader.Load(Fixtures.LaunchDay, "launch-day.yaml");

        result.Errors.Should().BeEmpty(string.Join("\n", result.Diagnostics));
        result.Succeeded.Should().BeTrue();
        var runbook = result.Runbook!;
        runbook.Name.Should().Be("launch-day");
        runbook.TimeZone.Should().Be("Europe/London");
        runbook.Environments.Keys.Should().BeEquivalentTo(["staging", "production"]);
        runbook.Secrets["db_url"].Should().Be(new SecretSource(SecretSourceKind.Env, "PROD_DATABASE_URL", runbook.Secrets["db_url"].Location));
        runbook.Secrets["cf_token"].Kind.Should().Be(SecretSourceKind.File);
        runbook.Roles["release-managers"].Should().Equal("U01AAA", "U01BBB", "U01CCC");
        runbook.Defaults.Timeout.Should().Be(TimeSpan.FromMinutes(15));
        runbook.Defaults.OnFailure.Should().Be(FailurePolicy.Pause);

        var go = runbook.FindStep("go-no-go")!;
        go.Kind.Should().Be(StepKind.Approval);
        go.At.Should().Be(TimeAnchor.Parse("T-6h"));
        go.Approval!.Required.Should().Be(2);
        go.Approval.ForbidSelf.Should().BeTrue();
        go.Approval.OnTimeout.Should().Be(TimeoutPolicy.Abort);
        go.Gates.Select(g => g.Type).Should().Equal("github.open_issues", "github.commit_status");

        var migrate = runbook.FindStep("migrate")!;
        migrate.Idempotent.Should().BeFalse();
        migrate.Undo!.Type.Should().Be("postgres.restore");
        migrate.OnFailure.Should().Be(FailurePolicy.Rollback);

        runbook.FindStep("briefing")!.Manual!.Roles.Should().Equal("release-managers");
        runbook.FindStep("smoke")!.Retry.Should().Be(new RetryPolicy(3, TimeSpan.FromSeconds(20)));
        var hourly = runbook.FindStep("hourly-health")!;
        hourly.Every.Should().Be(TimeSpan.FromHours(1));
        hourly.Until.Should().Be(TimeAnchor.Parse("T+3d"));

        var guard = runbook.Guards.Should().ContainSingle().Subject;
        guard.From.Should().Be("dns-cutover");
        guard.Check.Above.Should().Be(0.05);
        guard.Check.For.Should().Be(TimeSpan.FromMinutes(2));
        runbook.Rollback.Should().ContainSingle().Which.Id.Should().Be("status-page");
        runbook.DependenciesOf(runbook.FindStep("backup")!).Should().Equal("go-no-go");
    }

    [Fact]
    public void Load_RequiredPerRoleAndAll_BindsQuotasWithPositions()
    {
        const string yaml = """
            name: quorum
            roles: { leads: [U1, U2], product: [U3, U4] }
            steps:
              - id: go
                approval:
                  roles: [leads, product]
                  required: { leads: 1, product: 2 }
                  timeout: 30m
              - id: again
                approval: { roles: [leads, product], required: all, timeout: 30m }
            """;

        var runbook = Diagnose.Clean(yaml).Runbook!;

        var go = runbook.FindStep("go")!.Approval!;
        go.Quotas.Select(q => (q.Role, q.Count)).Should().Equal(("leads", 1), ("product", 2));
        go.Quotas[1].Location.Should().Be(new SourceLocation(Diagnose.File, 7, 29));
        go.Required.Should().Be(3, "with counts per role, required is the number of people: their sum");
        go.RequiresAll.Should().BeFalse();
        var again = runbook.FindStep("again")!.Approval!;
        again.RequiresAll.Should().BeTrue();
        again.Quotas.Select(q => (q.Role, q.Count)).Should().Equal(("leads", 1), ("product", 1));
        again.Required.Should().Be(2);
    }

    [Fact]
    public void Load_WaitOfZero_IsAnEmptyWaitStep()
    {
        var result = RunbookLoader.Load("name: empty\nsteps:\n  - id: milestone\n    wait: 0s\n", "empty.yaml");

        result.Diagnostics.Should().BeEmpty();
        result.Runbook!.Steps.Single().Wait.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Load_Positions_AreOneBasedForKeysAndValues()
    {
        const string yaml = """
            name: t
            steps:
              - id: deploy
                action: shell
                with:
                  run: ./deploy.sh
            """;

        var step = Diagnose.Load(yaml).Runbook!.Steps[0];

        step.Location.Should().Be(new SourceLocation(Diagnose.File, 3, 5));
        step.Action!.Location.Should().Be(new SourceLocation(Diagnose.File, 4, 13));
        var run = step.Action.With.Entries.Single();
        run.KeyLocation.Should().Be(new SourceLocation(Diagnose.File, 6, 7));
        run.Value.Location.Should().Be(new SourceLocation(Diagnose.File, 6, 12));
    }

    [Fact]
    public void Load_QuotedAndBlockScalars_AreMarkedAsStrings()
    {
        const string yaml = """
            name: t
            vars:
              plain: 200
              quoted: "200"
              tagged: !!str 200
              block: |
                line one
                line two
            steps:
              - id: a
                wait: 1m
            """;

        var vars = Diagnose.Clean(yaml).Runbook!.Vars;

        ((ScalarValue)vars["plain"]).Quoted.Should().BeFalse();
        ((ScalarValue)vars["quoted"]).Quoted.Should().BeTrue();
        ((ScalarValue)vars["tagged"]).Quoted.Should().BeTrue();
        ((ScalarValue)vars["block"]).Text.Should().Be("line one\nline two\n");
    }

    [Fact]
    public void Load_AnchorsAliasesAndMergeKeys_AreResolved()
    {
        const string yaml = """
            name: t
            vars:
              base: &check { url: "https://x.example/", expect_status: 200 }
            steps:
              - id: a
                action: http.check
                timeout: 1m
                with:
                  checks:
                    - *check
                    - <<: *check
                      url: "https://y.example/"
            """;

        var checks = (ListValue)Diagnose.Clean(yaml).Runbook!.Steps[0].Action!.With["checks"]!;

        ((MapValue)checks.Items[0]).GetString("url").Should().Be("https://x.example/");
        var merged = (MapValue)checks.Items[1];
        merged.GetString("url").Should().Be("https://y.example/");
        merged.GetString("expect_status").Should().Be("200");
    }

    [Fact]
    public void Load_AliasBomb_IsRefusedQuickly()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var result = Diagnose.Load(string.Join("\n", lines));

        result.Runbook.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("RB002");
    }

    [Fact]
    public void Load_UnknownAlias_ReportsSyntaxError()
    {
        var result = Diagnose.Load("name: *nothing\nsteps: []\n");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("RB001");
    }

    [Fact]
    public void Load_TwoDocuments_ReportsBadDocument()
    {
        var result = Diagnose.Load("name: t\nsteps:\n  - { id: a, wait: 1m }\n---\nname: u\n");

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<RunbookRunner.Core.Diagnostics.Diagnostic>(d => d.Code == "RB003" && d.Location.Line == 4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n# only a comment\n")]
    [InlineData("~")]
    public void Load_EmptyDocument_ReportsBadDocument(string yaml)
    {
        var result = Diagnose.Load(yaml);

        result.Runbook.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("RB003");
    }

    [Fact]
    public void Load_TooLargeText_IsRefusedWithoutParsing()
    {
        var result = Diagnose.Load("name: t\n#" + new string('x', LoaderLimits.MaxChars));

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("RB002");
    }

    [Fact]
    public void Load_StepKindsAndShorthands_AreBound()
    {
        const string yaml = """
            name: t
            roles: { ops: [U1] }
            steps:
              - { id: w, wait: 90s }
              - { id: m, manual: Check the dashboard }
              - { id: ap, approval: { roles: ops, timeout: 5m } }
              - { id: ac, action: http.check, with: { checks: [ { url: "https://x.example" } ] }, approval: { roles: [ops], timeout: 5m }, timeout: 1m, after: w, only: [] }
            """;

        var steps = Diagnose.Clean(yaml).Runbook!.Steps;

        steps.Select(s => s.Kind).Should().Equal(StepKind.Wait, StepKind.Manual, StepKind.Approval, StepKind.Action);
        steps[0].Wait.Should().Be(TimeSpan.FromSeconds(90));
        steps[1].Manual!.Title.Should().Be("Check the dashboard");
        steps[2].Approval!.Roles.Should().Equal("ops");
        steps[3].After.Should().Equal("w");
        steps[3].Approval.Should().NotBeNull();
    }

    [Fact]
    public void LoadFile_ExistingFile_UsesThePathInDiagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rb-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: t\nsteps:\n  - id: a\n    wait: 1m\n    bogus: 1\n");
        try
        {
            var result = RunbookLoader.LoadFile(path);

            result.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith($"{path}:5:5: error RB010:");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_Folder_ReportsFileUnreadable()
    {
        var result = RunbookLoader.LoadFile(Path.GetTempPath());

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("folder");
    }

    [Fact]
    public void FindRunbookFiles_FoldersAndFiles_ReturnsYamlFilesSortedAndKeepsMissingNames()
    {
        var root = Directory.CreateTempSubdirectory("rb-find-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "sub"));
            foreach (var name in new[] { "b.yaml", "a.yml", "notes.md", "sub/c.YAML" })
            {
                File.WriteAllText(Path.Combine(root.FullName, name), "name: x");
            }

            var files = RunbookLoader.FindRunbookFiles([root.FullName, "missing.yaml", Path.Combine(root.FullName, "b.yaml")]);

            files.Should().Equal(
                Path.Combine(root.FullName, "a.yml"),
                Path.Combine(root.FullName, "b.yaml"),
                Path.Combine(root.FullName, "sub", "c.YAML"),
                "missing.yaml");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
