namespace RunbookRunner.Slack.Tests.TestSupport;

/// <summary>Runbooks for war-room tests; all narrate to <see cref="Channel"/>.</summary>
internal static class TestRunbooks
{
    public const string Channel = "C0WARROOM";

    /// <summary>A go/no-go needing 2 of the 3 leads (gate evidence first), then a deploy; ops may operate.</summary>
    public const string GoLive = """
        name: go-live
        title: Go live
        channel: C0WARROOM
        roles: { leads: [U0AAA, U0BBB, U0CCC], ops: [U0OPS] }
        defaults: { timeout: 5m }
        steps:
          - id: go-no-go
            title: Go / no-go
            approval: { roles: [leads], required: 2, forbid_self: true, timeout: 30m }
            gates:
              - github.open_issues: { repo: acme/platform, labels: [P0, P1], max: 0 }
          - id: deploy
            action: shell
            with: { run: "./deploy.sh" }
        """;

    /// <summary>A go/no-go needing one lead and one from product (gate evidence first), then a deploy.</summary>
    public const string GoLiveByRole = """
        name: go-live-by-role
        title: Go live by role
        channel: C0WARROOM
        roles: { leads: [U0AAA, U0BBB], product: [U0PPP], ops: [U0OPS] }
        defaults: { timeout: 5m }
        steps:
          - id: go-no-go
            title: Go / no-go
            approval: { roles: [leads, product], required: { leads: 1, product: 1 }, timeout: 30m }
            gates:
              - github.open_issues: { repo: acme/platform, labels: [P0, P1], max: 0 }
          - id: deploy
            action: shell
            with: { run: "./deploy.sh" }
        """;

    /// <summary>A backup with an undo, then a migration check that fails (on_failure pause by default).</summary>
    public const string Migration = """
        name: migration
        title: Database migration
        channel: C0WARROOM
        roles: { ops: [U0OPS, U0AAA] }
        defaults: { timeout: 5m, retry: { attempts: 1 } }
        steps:
          - id: backup
            action: shell
            with: { run: "./backup.sh" }
            undo: { action: shell, with: { run: "./restore.sh" } }
          - id: migrate
            action: http.check
            with: { checks: [ { url: "http://127.0.0.1:9/healthz", expect_status: 200 } ] }
        """;

    /// <summary>A deploy with an undo, then a QA manual task leads may mark done or failed; failing it rolls back.</summary>
    public const string QaRollback = """
        name: qa-rollback
        title: QA after deploy
        channel: C0WARROOM
        roles: { leads: [U0AAA, U0BBB], ops: [U0OPS] }
        defaults: { timeout: 5m }
        steps:
          - id: deploy
            action: shell
            with: { run: "./deploy.sh" }
            undo: { action: shell, with: { run: "./undeploy.sh" } }
          - id: qa-checkout
            manual: { title: "Checkout flow works end to end", roles: [leads], outcomes: [done, failed] }
            on_failure: rollback
          - id: announce
            action: shell
            with: { run: "echo live" }
        """;

    /// <summary>The same QA task with the default on_failure (pause).</summary>
    public static string QaPause => QaRollback.Replace("    on_failure: rollback\n", "", StringComparison.Ordinal).Replace("name: qa-rollback", "name: qa-pause", StringComparison.Ordinal);

    /// <summary>A manual task only leads may tick off, then an announcement.</summary>
    public const string Briefing = """
        name: briefing
        title: Launch briefing
        channel: C0WARROOM
        roles: { leads: [U0AAA, U0BBB], ops: [U0OPS] }
        defaults: { timeout: 5m }
        steps:
          - id: briefing
            manual: { title: "Team briefed in the war room", roles: [leads] }
          - id: announce
            action: shell
            with: { run: "echo live" }
        """;

    /// <summary>Three quick steps, no people involved.</summary>
    public const string Quick = """
        name: quick
        title: Quick release
        channel: C0WARROOM
        roles: { ops: [U0OPS] }
        defaults: { timeout: 5m }
        steps:
          - id: build
            action: shell
            with: { run: "./build.sh" }
          - id: ship
            action: shell
            with: { run: "./ship.sh" }
          - id: smoke
            action: http.check
            with: { checks: [ { url: "http://127.0.0.1:9/healthz", expect_status: 200 } ] }
        """;
}
