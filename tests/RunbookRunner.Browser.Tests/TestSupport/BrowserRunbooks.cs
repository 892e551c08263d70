namespace RunbookRunner.Browser.Tests.TestSupport;

/// <summary>Short launches for rehearsals in the browser: simulated actions, one approval by U-APPROVER, a 2 s wait; and a QA task that can fail.</summary>
internal static class BrowserRunbooks
{
    public const string Name = "browser-demo";

    public const string Yaml = """
        name: browser-demo
        title: Browser demo launch
        timezone: Europe/London
        environments:
          staging: { app_url: "https://staging.example.com" }
        roles: { release-managers: [U-APPROVER] }
        steps:
          - id: prepare
            action: http.check
            with: { checks: [ { url: "${app_url}/healthz", expect_status: 200 } ] }
          - id: go-no-go
            approval: { roles: [release-managers], required: 1, timeout: 30m }
          - id: deploy
            action: http
            with: { method: POST, url: "${app_url}/deploy", expect_status: 200 }
            undo: { action: http, with: { method: POST, url: "${app_url}/undeploy" } }
          - id: settle
            wait: 2s
          - id: smoke
            action: http.check
            with: { checks: [ { url: "${app_url}/healthz", expect_status: 200 } ] }
        """;

    public const string QaName = "browser-qa";

    /// <summary>A deploy with an undo, then a QA task U-OPS may mark done or failed; failing it rolls back.</summary>
    public const string QaYaml = """
        name: browser-qa
        title: Browser QA launch
        roles: { qa: [U-OPS] }
        steps:
          - id: deploy
            action: http
            with: { method: POST, url: "https://staging.example.com/deploy", expect_status: 200 }
            undo: { action: http, with: { method: POST, url: "https://staging.example.com/undeploy" } }
          - id: qa
            manual: { title: "Checkout works end to end", roles: [qa], outcomes: [done, failed] }
            on_failure: rollback
        """;
}
