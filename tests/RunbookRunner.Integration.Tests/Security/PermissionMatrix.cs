using System.Net;
using System.Net.Http.Json;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Contracts.Tokens;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Integration.Tests.Security;

/// <summary>
/// Every endpoint the server maps, with who may call it. <see cref="EndpointPermissionMatrixTests"/> compares this
/// list with the app's own endpoint data source: a new endpoint without a row here fails the suite.
/// </summary>
internal static class PermissionMatrix
{
    /// <summary>A runbook whose approval stays open: commands on it exercise the engine, not only the policy.</summary>
    public const string GateRunbook = """
        name: matrix
        roles:
          release: [U1, U2]
        steps:
          - id: go
            approval: { roles: [release], required: 1 }
          - id: after
            wait: 1s
        """;

    private static readonly HttpStatusCode[] Command = [HttpStatusCode.OK, HttpStatusCode.Conflict];

    public static IReadOnlyList<EndpointRow> Rows { get; } =
    [
        new("GET", "/healthz", EndpointAccess.Anonymous, TokenRole.Viewer, _ => Get("healthz"), HttpStatusCode.OK),
        new("GET", "/readyz", EndpointAccess.Anonymous, TokenRole.Viewer, _ => Get("readyz"), HttpStatusCode.OK),
        new("GET", "/metrics", EndpointAccess.Anonymous, TokenRole.Viewer, _ => Get("metrics"), HttpStatusCode.OK),
        new("GET", "/openapi/{documentName}.json", EndpointAccess.Anonymous, TokenRole.Viewer, _ => Get("openapi/v1.json"), HttpStatusCode.OK),

        new("GET", "/api/runs/", EndpointAccess.Token, TokenRole.Viewer, _ => Get("api/runs"), HttpStatusCode.OK),
        new("GET", "/api/runs/{id}", EndpointAccess.Token, TokenRole.Viewer, t => Get($"api/runs/{t.RunId}"), HttpStatusCode.OK),
        new("GET", "/api/runs/{id}/events", EndpointAccess.Token, TokenRole.Viewer, t => Get($"api/runs/{t.RunId}/events"), HttpStatusCode.OK),
        new("GET", "/api/runs/{id}/logs", EndpointAccess.Token, TokenRole.Viewer, t => Get($"api/runs/{t.RunId}/logs"), HttpStatusCode.OK),
        new("GET", "/api/audit", EndpointAccess.Token, TokenRole.Viewer, _ => Get("api/audit"), HttpStatusCode.OK),
        new("GET", "/api/runbooks/", EndpointAccess.Token, TokenRole.Viewer, _ => Get("api/runbooks"), HttpStatusCode.OK),
        new("GET", "/api/runbooks/{name}", EndpointAccess.Token, TokenRole.Viewer, t => Get($"api/runbooks/{t.RunbookName}"), HttpStatusCode.OK),
        new("GET", "/api/runbooks/{name}/plan", EndpointAccess.Token, TokenRole.Viewer, t => Get($"api/runbooks/{t.RunbookName}/plan?t0=2026-06-01T12:00:00Z"), HttpStatusCode.OK),

        new("POST", "/api/runs/", EndpointAccess.Token, TokenRole.Operator, _ => Post("api/runs", new StartRunRequest { Yaml = GateRunbook, Rehearsal = new RehearsalRequest() }), HttpStatusCode.Created) { AuditAction = "start" },
        RunCommand("pause", TokenRole.Operator),
        RunCommand("resume", TokenRole.Operator),
        StepCommand("retry", TokenRole.Operator),
        StepCommand("skip", TokenRole.Operator),
        StepCommand("done", TokenRole.Operator),
        StepCommand("fail", TokenRole.Operator),
        StepCommand("approve", TokenRole.Approver),
        StepCommand("reject", TokenRole.Approver),
        RunCommand("rollback", TokenRole.Operator),
        RunCommand("abort", TokenRole.Operator),

        new("POST", "/api/tokens/", EndpointAccess.Token, TokenRole.Admin, _ => Post("api/tokens", new CreateTokenRequest { Name = "made-by-matrix", Role = ApiRole.Viewer }), HttpStatusCode.Created) { AuditAction = "token.create" },
        new("GET", "/api/tokens/", EndpointAccess.Token, TokenRole.Admin, _ => Get("api/tokens"), HttpStatusCode.OK) { AuditAction = "token.list" },
        new("DELETE", "/api/tokens/{tokenId}", EndpointAccess.Token, TokenRole.Admin, _ => new HttpRequestMessage(HttpMethod.Delete, "api/tokens/tok_doesnotexist"), HttpStatusCode.NotFound) { AuditAction = "token.revoke" },

        new("GET", "/api/runs/{id}/report", EndpointAccess.Token, TokenRole.Viewer, t => Get($"api/runs/{t.RunId}/report?format=md"), HttpStatusCode.OK, HttpStatusCode.Conflict),

        // The dashboard: sign-in and assets are public (forms without an antiforgery token are refused); every page
        // needs a session. Its own role checks on commands are covered by the browser tests.
        new("GET", "/signin", EndpointAccess.Anonymous, TokenRole.Viewer, _ => Get("signin"), HttpStatusCode.OK),
        new("POST", "/signin", EndpointAccess.Anonymous, TokenRole.Viewer, _ => Form("signin", "token", "rbk_guess"), HttpStatusCode.BadRequest),
        new("POST", "/signout", EndpointAccess.Anonymous, TokenRole.Viewer, _ => Form("signout", "x", "y"), HttpStatusCode.BadRequest),
        new("GET", "/assets/{file}", EndpointAccess.Anonymous, TokenRole.Viewer, _ => Get("assets/dashboard.css"), HttpStatusCode.OK),
        Page("GET", "/", _ => ""),
        Page("GET", "/runs", _ => "runs"),
        Page("POST", "/runs", _ => "runs"),
        Page("GET", "/runs/{id}", t => $"runs/{t.RunId}"),
        Page("GET", "/runs/{id}/live", t => $"runs/{t.RunId}/live"),
        Page("GET", "/runs/{id}/events", t => $"runs/{t.RunId}/events"),
        Page("POST", "/runs/{id}/commands", t => $"runs/{t.RunId}/commands"),
        Page("GET", "/runs/{id}/report", t => $"runs/{t.RunId}/report"),
        Page("GET", "/runbooks", _ => "runbooks"),
        Page("GET", "/runbooks/{name}", t => $"runbooks/{t.RunbookName}"),

        new("POST", "/slack/interactions", EndpointAccess.SlackSignature, TokenRole.Viewer, _ => Form("slack/interactions", "payload", "{}"), HttpStatusCode.Unauthorized),
        new("POST", "/slack/commands", EndpointAccess.SlackSignature, TokenRole.Viewer, _ => Form("slack/commands", "command", "/runbook"), HttpStatusCode.Unauthorized),
    ];

    private static EndpointRow RunCommand(string action, TokenRole role) =>
        new("POST", $"/api/runs/{{id}}/{action}", EndpointAccess.Token, role, t => Post($"api/runs/{t.RunId}/{action}", new StepActionRequest { Reason = "matrix" }), Command) { AuditAction = action };

    private static EndpointRow StepCommand(string action, TokenRole role) =>
        new("POST", $"/api/runs/{{id}}/steps/{{step}}/{action}", EndpointAccess.Token, role, t => Post($"api/runs/{t.RunId}/steps/{t.StepId}/{action}", new StepActionRequest { Reason = "matrix" }), Command) { AuditAction = action };

    private static EndpointRow Page(string method, string pattern, Func<MatrixTarget, string> path) =>
        new(method, pattern, EndpointAccess.DashboardSession, TokenRole.Viewer, t => method == "GET" ? Get(path(t)) : Form(path(t), "command", "pause"), HttpStatusCode.Redirect);

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post<T>(string path, T body) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: ApiJson.Options) };

    private static HttpRequestMessage Form(string path, string field, string value) =>
        new(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new(field, value)]) };
}
