using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Audit;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Contracts.Tokens;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Api;

/// <summary>Request handling that does not depend on the store: bodies, tokens through the API, start idempotency (SQLite).</summary>
public sealed class ServerEdgeTests : IAsyncLifetime
{
    private ServerHost? _server;

    private ServerHost Server => _server!;

    public async Task InitializeAsync() => _server = await ServerHost.StartAsync(StoreFactory.NewSqlite());

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Start_MalformedOrOversizedBody_AnswersProblemDetails()
    {
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));

        using var malformed = await operatorBot.PostAsync("api/runs", RunApi.Json("{\"yaml\": "));
        using var empty = await operatorBot.PostAsync("api/runs", RunApi.Json("{}"));
        using var badT0 = await operatorBot.PostAsJsonAsync("api/runs", new StartRunRequest { Yaml = TestRunbooks.Gate, T0 = "tomorrow" }, ApiJson.Options);
        using var huge = await PostAnnouncedAsync(operatorBot, "api/runs", "{\"yaml\": \"" + new string('x', 5 * 1024 * 1024) + "\"}");
        using var hugeCommand = await PostAnnouncedAsync(operatorBot, "api/runs/x/pause", "{\"reason\": \"" + new string('x', 100 * 1024) + "\"}");

        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RunApi.ReadProblemAsync(malformed)).Code.Should().Be("invalid_request");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RunApi.ReadProblemAsync(empty)).Detail.Should().Contain("'runbook'");
        badT0.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RunApi.ReadProblemAsync(badT0)).Detail.Should().Contain("tomorrow");
        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await RunApi.ReadProblemAsync(huge)).Code.Should().Be("body_too_large", await huge.Content.ReadAsStringAsync());
        hugeCommand.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>
    /// Posts with <c>Expect: 100-continue</c>, as careful clients send large bodies: the server can refuse by the
    /// announced length before the body is sent, instead of racing the upload and resetting the connection.
    /// </summary>
    private static async Task<HttpResponseMessage> PostAnnouncedAsync(HttpClient client, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = RunApi.Json(json) };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Tokens_CreatedByAdminThroughApi_WorkUntilRevoked()
    {
        var admin = Server.Client(await Server.CreateTokenAsync(TokenRole.Admin, "root"));

        using var created = await admin.PostAsJsonAsync("api/tokens", new CreateTokenRequest { Name = "approver-u2", Role = ApiRole.Approver, SlackUser = "U2" }, ApiJson.Options);
        await RunApi.ExpectAsync(created, HttpStatusCode.Created);
        var token = (await created.Content.ReadFromJsonAsync<CreatedTokenDto>(ApiJson.Options))!;
        var newClient = Server.Client(token.Secret);
        using var before = await newClient.GetAsync("api/runs");
        var listed = await admin.GetFromJsonAsync<List<TokenDto>>("api/tokens", ApiJson.Options);
        using var revoked = await admin.DeleteAsync($"api/tokens/{token.Token.Id}");
        using var after = await newClient.GetAsync("api/runs");
        var audit = (await admin.GetFromJsonAsync<AuditListDto>("api/audit?actor=root", ApiJson.Options))!.Items;

        token.Secret.Should().StartWith("rbk_");
        token.Token.Role.Should().Be(ApiRole.Approver);
        before.StatusCode.Should().Be(HttpStatusCode.OK);
        listed.Should().Contain(t => t.Id == token.Token.Id && t.SlackUser == "U2");
        (await admin.GetStringAsync("api/tokens")).Should().NotContain(token.Secret, "secrets are shown once");
        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        audit.Select(e => e.Action).Should().Contain(["token.create", "token.revoke"]);
    }

    [Fact]
    public async Task Run_StepsThatPrintASecret_NeverShowItInResponses()
    {
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var variable = "RBK_IT_CANARY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(variable, canary);
        var yaml = $$"""
            name: secretive
            secrets: { canary: env:{{variable}} }
            steps:
              - id: leak
                action: shell
                with: { run: "echo token=${secrets.canary}" }
              - id: leak-and-fail
                action: shell
                with: { run: "echo ${secrets.canary} >&2; exit 3" }
                on_failure: abort
            """;
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));

        var run = await RunApi.StartAsync(operatorBot, new StartRunRequest { Yaml = yaml });
        var done = await RunApi.WaitForAsync(operatorBot, run.Id, r => RunStates.IsTerminal(r.State), "finished");
        var bodies = new List<string>
        {
            await operatorBot.GetStringAsync($"api/runs/{run.Id}"),
            await operatorBot.GetStringAsync($"api/runs/{run.Id}/events"),
            await operatorBot.GetStringAsync($"api/runs/{run.Id}/logs"),
            await operatorBot.GetStringAsync($"api/audit?run={run.Id}"),
            await operatorBot.GetStringAsync("api/runs"),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using (var stream = await SseReader.OpenAsync(operatorBot, $"api/runs/{run.Id}/events", null, timeout.Token))
        {
            bodies.AddRange((await stream.ReadUntilAsync(e => e.Event == "end", timeout.Token)).Select(f => f.Raw));
        }

        done.State.Should().Be(RunStates.Failed, "on_failure: abort ends the run as failed");
        done.Step("leak").State.Should().Be(StepStates.Succeeded);
        bodies.Should().NotContain(b => b.Contains(canary, StringComparison.Ordinal));
        bodies[2].Should().Contain("token=***", "the log line is kept, with the secret masked");
    }

    [Fact]
    public async Task Slack_Endpoints_MappedOnlyWhenConfiguredAndVerified()
    {
        await using var withSlack = await ServerHost.StartAsync(StoreFactory.NewSqlite(), new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        });

        using var unsigned = await withSlack.Client().PostAsync("slack/commands", new FormUrlEncodedContent([new("command", "/runbook"), new("text", "status")]));
        using var absent = await Server.Client().PostAsync("slack/commands", new FormUrlEncodedContent([new("command", "/runbook")]));

        unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "Slack requests must carry a valid signature");
        absent.StatusCode.Should().Be(HttpStatusCode.NotFound, "without a bot token there is no Slack endpoint");
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheApi()
    {
        var document = await Server.Client().GetStringAsync("openapi/v1.json");

        document.Should().Contain("\"/api/runs\"").And.Contain("/api/runs/{id}/steps/{step}/approve");
    }

    [Fact]
    public async Task Start_SameIdempotencyKeyTwice_CreatesOneRun()
    {
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));
        var request = new StartRunRequest { Yaml = TestRunbooks.Gate, Rehearsal = new RehearsalRequest(), RequestId = "start-1" };

        var first = await RunApi.StartAsync(operatorBot, request);
        var second = await RunApi.StartAsync(operatorBot, request);
        var other = await RunApi.StartAsync(operatorBot, request with { RequestId = "start-2" });

        second.Id.Should().Be(first.Id);
        other.Id.Should().NotBe(first.Id);
        (await operatorBot.GetFromJsonAsync<RunListDto>("api/runs", ApiJson.Options))!.Items.Should().HaveCount(2);
    }
}
