using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Security;

/// <summary>
/// The permission matrix of every endpoint × role: anonymous 401, a role too low 403 (and audited), an admitted role
/// an answer of the endpoint itself. The endpoints are read from the running app, so none can be left out.
/// </summary>
public sealed class EndpointPermissionMatrixTests : IAsyncLifetime
{
    private static readonly TokenRole[] Roles = [TokenRole.Viewer, TokenRole.Operator, TokenRole.Approver, TokenRole.Admin];

    private readonly List<HttpClient> _clients = [];
    private ServerHost _server = null!;

    public async Task InitializeAsync() => _server = await ServerHost.StartAsync(StoreFactory.NewSqlite(), new Dictionary<string, string?>
    {
        // With Slack configured its endpoints are mapped too, and belong in the matrix.
        ["Slack:BotToken"] = "xoxb-matrix",
        ["Slack:SigningSecret"] = "matrix-signing-secret",
        ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
    });

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _server.DisposeAsync();
    }

    [Fact]
    public void Matrix_EveryMappedEndpoint_HasExactlyOneRow()
    {
        var mapped = MappedEndpoints();
        var rows = PermissionMatrix.Rows.Select(r => r.Key).ToList();

        rows.Should().OnlyHaveUniqueItems();
        mapped.Except(rows).Should().BeEmpty("every endpoint needs a row in PermissionMatrix (who may call it, and how to reach it)");
        rows.Except(mapped).Should().BeEmpty("a row without an endpoint is stale");
    }

    [Fact]
    public async Task Matrix_EveryEndpointByEveryRole_AdmitsOrRefusesAsDeclaredAndAuditsRefusals()
    {
        await _server.WriteRunbookAsync("matrix", PermissionMatrix.GateRunbook);
        var tokens = new Dictionary<TokenRole, (HttpClient Client, string Actor)>();
        foreach (var role in Roles)
        {
            // Approver and admin act as people the runbook names, so their approvals reach the engine's own rules.
            var slackUser = role switch { TokenRole.Approver => "U1", TokenRole.Admin => "U2", _ => null };
            var name = "matrix-" + role.ToString().ToLowerInvariant();
            tokens[role] = (NoRedirects(await _server.CreateTokenAsync(role, name, slackUser)), slackUser ?? name);
        }

        var run = await RunApi.StartAsync(_server.Client(await _server.CreateTokenAsync(TokenRole.Operator, "starter")), new StartRunRequest { Yaml = PermissionMatrix.GateRunbook });
        await RunApi.WaitForAsync(tokens[TokenRole.Viewer].Client, run.Id, r => r.Step("go").State == StepStates.AwaitingApproval, "approval open");
        var target = new MatrixTarget(run.Id, "go", "matrix");
        var anonymous = NoRedirects(null);
        var forged = NoRedirects("rbk_not-a-real-token");
        var failures = new List<string>();
        var expectedDenials = new List<(string Actor, string Action)>();

        foreach (var row in PermissionMatrix.Rows)
        {
            await CheckAsync(row, "anonymous", anonymous, target, row.Access is EndpointAccess.Anonymous or EndpointAccess.DashboardSession ? row.Admitted : [HttpStatusCode.Unauthorized], failures);
            await CheckAsync(row, "unknown token", forged, target, row.Access == EndpointAccess.Token ? [HttpStatusCode.Unauthorized] : row.Admitted, failures);
            foreach (var role in Roles)
            {
                var (client, actor) = tokens[role];
                var admitted = row.Access is not EndpointAccess.Token || role >= row.MinimumRole;
                if (admitted)
                {
                    await CheckAsync(row, role.ToString(), client, target, row.Admitted, failures);
                }
                else
                {
                    await CheckAsync(row, role.ToString(), client, target, [HttpStatusCode.Forbidden], failures);
                    expectedDenials.Add((actor, row.AuditAction ?? $"{row.Method} {row.Pattern}"));
                }
            }
        }

        failures.Should().BeEmpty();
        var denied = await _server.Services.GetRequiredService<IAuditStore>().ListAsync(new AuditQuery { Outcome = AuditOutcome.Denied, Limit = 1000 });

        // The engine audits its own refusals (a decision in the wrong state) too; the role check's say whose role fell short.
        var byRole = denied.Where(d => d.Detail?.StartsWith("token '", StringComparison.Ordinal) == true).ToList();
        byRole.Select(d => (d.Actor, d.Action)).Should().BeEquivalentTo(expectedDenials, "every attempt refused for its role, and nothing else, is in the audit trail");
        byRole.Should().OnlyContain(d => d.Source == AuditSource.Api && d.Detail!.Contains(" needs ", StringComparison.Ordinal));
        (await _server.Services.GetRequiredService<IAuditStore>().VerifyChainAsync()).IsValid.Should().BeTrue();
    }

    private static async Task CheckAsync(EndpointRow row, string caller, HttpClient client, MatrixTarget target, IReadOnlyCollection<HttpStatusCode> expected, List<string> failures)
    {
        using var request = row.Request(target);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!expected.Contains(response.StatusCode))
        {
            failures.Add($"{row.Key} as {caller}: {(int)response.StatusCode}, expected {string.Join(" or ", expected.Select(s => (int)s))}: {Truncate(body)}");
            return;
        }

        if (row.Access == EndpointAccess.DashboardSession)
        {
            // Not signed in: the page is not shown, whatever the caller's bearer token says.
            if (response.Headers.Location is not { } location || new Uri(client.BaseAddress!, location).AbsolutePath != "/signin")
            {
                failures.Add($"{row.Key} as {caller}: redirected to '{response.Headers.Location}', not to /signin");
            }

            return;
        }

        if (response.IsSuccessStatusCode || row.Access == EndpointAccess.SlackSignature || !row.Pattern.StartsWith("/api/", StringComparison.Ordinal))
        {
            return;
        }

        // Every refusal and every expected error of the API is a problem with a stable code.
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{row.Key} as {caller}: {(int)response.StatusCode} is not problem+json: {Truncate(body)}");
            return;
        }

        var problem = await response.Content.ReadFromJsonAsync<ProblemDto>(ApiJson.Options);
        var code = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => ProblemCodes.Unauthenticated,
            HttpStatusCode.Forbidden => ProblemCodes.Forbidden,
            _ => null,
        };
        if (code is not null && problem!.Code != code)
        {
            failures.Add($"{row.Key} as {caller}: code {problem.Code}, expected {code}");
        }

        if (code is null && problem!.Code is ProblemCodes.Forbidden or ProblemCodes.Unauthenticated)
        {
            failures.Add($"{row.Key} as {caller}: an admitted caller was refused ({problem.Code})");
        }
    }

    private HttpClient NoRedirects(string? token)
    {
        // Redirects are answers here (the dashboard sends the signed-out to /signin), so they are not followed.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_server.Url + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    private List<string> MappedEndpoints() =>
        [.. _server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))];

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
