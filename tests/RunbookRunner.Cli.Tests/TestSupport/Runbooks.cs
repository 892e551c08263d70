namespace RunbookRunner.Cli.Tests.TestSupport;

/// <summary>Small runbook texts for CLI tests.</summary>
internal static class Runbooks
{
    /// <summary>Four steps: an approval at T-1h, a 20m wait, a deploy at T+0 and an announcement; two parallel checks.</summary>
    public const string Mini = """
        name: mini
        title: Mini launch
        timezone: Europe/London
        environments:
          staging: { app_url: https://staging.example.com }
          production: { app_url: https://www.example.com }
        roles: { leads: [U01AAA, U01BBB] }
        defaults: { timeout: 10m }
        steps:
          - id: go
            at: T-1h
            approval: { roles: [leads], timeout: 30m }
          - id: soak
            wait: 20m
          - id: deploy
            at: T+0
            action: shell
            with: { run: "./deploy.sh" }
            idempotent: true
          - id: check-web
            after: [deploy]
            action: http.check
            with: { checks: [ { url: "${app_url}/healthz", expect_status: 200 } ] }
          - id: check-api
            after: [deploy]
            only: [production]
            action: http.check
            with: { checks: [ { url: "${app_url}/api/healthz", expect_status: 200 } ] }
          - id: announce
            after: [check-web, check-api]
            action: slack.post
            with: { channel: C0456ANNOUNCE, text: "We are live!" }
            idempotent: true
        guards:
          - id: errors
            from: deploy
            until: T+1h
            every: 30s
            check: { url: "${app_url}/metrics", json_path: "$.errors", above: 5, for: 1m }
            then: rollback
        rollback:
          - id: status-page
            action: slack.post
            with: { channel: C0456ANNOUNCE, text: "Rolled back" }
            idempotent: true
        """;

    /// <summary>A runbook with two errors: an unknown key and an unknown dependency.</summary>
    public const string Broken = """
        name: broken
        defaults: { timeout: 5m }
        steps:
          - id: one
            action: shell
            with: { run: "true" }
            idempotent: true
            tiemout: 5m
          - id: two
            after: [nowhere]
            action: shell
            with: { run: "true" }
            idempotent: true
        """;
}
