using System.Net;
using System.Text;
using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Security;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.WarRoom;

/// <summary>Every request to the Slack endpoints is verified before anything acts on it.</summary>
public sealed class SlackEndpointSecurityTests : IAsyncLifetime
{
    private WarRoomHost _host = null!;
    private string _runId = null!;
    private string _approvePayload = null!;

    public async Task InitializeAsync()
    {
        _host = await WarRoomHost.StartAsync([ScriptedStepAction.Succeeding("github.open_issues", "0 open P0/P1 issues"), ScriptedStepAction.Succeeding("shell")]);
        _runId = (await _host.StartRunAsync(TestRunbooks.GoLive)).RunId;
        var approval = await _host.WaitForMessageAsync(m => m.HasButton(WarRoomActionIds.Approve) && m.AllText().Contains("0 open P0/P1 issues"));
        _approvePayload = SlackPayloads.BlockAction(
            "U0AAA", WarRoomActionIds.Approve, approval.ButtonValue(WarRoomActionIds.Approve)!, approval.Channel, approval.Ts, approval.ThreadTs, _host.Slack.CreateResponseUrl(), _host.NextActionTs());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Interactions_SignedWithAnotherSecret_Answers401AndChangesNothing()
    {
        var response = await _host.PostInteractionAsync(_approvePayload, secret: "not-the-signing-secret");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await AssertNothingApprovedAsync();
    }

    [Fact]
    public async Task Interactions_TimestampSixMinutesOld_Answers401AsAReplay()
    {
        var stale = TimeProvider.System.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds();

        var response = await _host.PostInteractionAsync(_approvePayload, timestamp: stale);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await AssertNothingApprovedAsync();
    }

    [Fact]
    public async Task Interactions_BodyTamperedAfterSigning_Answers401()
    {
        var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var body = SlackPayloads.InteractionForm(_approvePayload);
        var signature = SlackSignature.Compute(WarRoomHost.SigningSecret, ts, body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/interactions")
        {
            Content = new StringContent(body.Replace("U0AAA", "U0BBB", StringComparison.Ordinal), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackSignature.TimestampHeader, ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SlackSignature.SignatureHeader, signature);

        var response = await _host.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await AssertNothingApprovedAsync();
    }

    [Fact]
    public async Task Commands_WithoutSignatureHeaders_Answers401()
    {
        using var content = new StringContent(SlackPayloads.CommandForm("U0OPS", "status", TestRunbooks.Channel, _host.Slack.CreateResponseUrl(), "t1"), Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await _host.Http.PostAsync("/slack/commands", content);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Interactions_BodyOverTheSizeCap_Answers413BeforeVerifying()
    {
        var huge = "payload=" + new string('a', 70_000);

        var response = await _host.PostSignedAsync("/slack/interactions", huge, null, WarRoomHost.SigningSecret);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Interactions_ValidSignatureButNotAPayload_Answers400()
    {
        var response = await _host.PostSignedAsync("/slack/interactions", "payload=%7Bnot-json", null, WarRoomHost.SigningSecret);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task AssertNothingApprovedAsync()
    {
        var state = await _host.Engine.GetStateAsync(_runId);
        state!.Approvals["go-no-go"].Grants.Should().BeEmpty();
        (await _host.Audit.ListAsync(new AuditQuery { RunId = _runId, Actor = "U0AAA" })).Should().BeEmpty("a refused request never reaches the engine");
    }
}
