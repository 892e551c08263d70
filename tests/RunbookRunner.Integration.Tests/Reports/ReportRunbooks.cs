namespace RunbookRunner.Integration.Tests.Reports;

/// <summary>A small launch with an approval by two people, a retried deploy, a smoke test that may roll back and a guard.</summary>
internal static class ReportRunbooks
{
    public const string Launch = """
        name: report-demo
        title: Report demo
        timezone: Europe/London
        roles: { release-managers: [U-ANN, U-BOB] }
        steps:
          - id: go-no-go
            at: T-1h
            approval: { roles: [release-managers], required: 2, timeout: 30m }
          - id: maintenance-on
            action: http
            with: { method: POST, url: "https://app.example.com/admin/maintenance", expect_status: 200 }
            undo: { action: http, with: { method: POST, url: "https://app.example.com/admin/maintenance-off" } }
          - id: deploy
            action: http
            with: { method: POST, url: "https://app.example.com/deploy" }
            retry: { attempts: 2, backoff: 1m }
          - id: smoke
            at: T+0
            action: http.check
            with: { checks: [ { url: "https://app.example.com/healthz", expect_status: 200 } ] }
            on_failure: rollback
        guards:
          - id: error-rate
            from: smoke
            until: T+30m
            every: 1m
            check: { url: "https://app.example.com/metrics", json_path: "$.value", above: 0.05, for: 2m }
            then: rollback
        rollback:
          - id: status-page
            action: http
            with: { method: POST, url: "https://status.example.com/incidents" }
        """;
}
