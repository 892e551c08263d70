namespace RunbookRunner.Browser.Tests.TestSupport;

/// <summary>A short launch for rehearsals in the browser: simulated actions, one approval by U-APPROVER, a 2 s wait.</summary>
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
}
