using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Slack.Security;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Storage;

namespace RunbookRunner.Slack.Tests.TestSupport;

/// <summary>
/// The war room as the server composes it, on Kestrel at 127.0.0.1: storage on a temporary SQLite file, the engine
/// with scripted actions, <c>AddRunbookSlackWarRoom</c> pointed at a fake Slack, and <c>MapRunbookSlack()</c>.
/// Tests sign requests like Slack does and read what the war room posted from the fake.
/// </summary>
internal sealed class WarRoomHost : IAsyncDisposable
{
    public const string SigningSecret = "war-room-signing-secret";
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly WebApplication _app;
    private readonly DirectoryInfo _directory;
    private long _actionCounter;

    private WarRoomHost(WebApplication app, FakeSlackServer slack, DirectoryInfo directory, Uri baseUrl)
    {
        _app = app;
        Slack = slack;
        _directory = directory;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
    }

    public FakeSlackServer Slack { get; }

    public HttpClient Http { get; }

    public RunEngine Engine => _app.Services.GetRequiredService<RunEngine>();

    public IAuditStore Audit => _app.Services.GetRequiredService<IAuditStore>();

    public IServiceProvider Services => _app.Services;

    public static async Task<WarRoomHost> StartAsync(IEnumerable<IStepAction> actions, IReadOnlyDictionary<string, string>? runbookFiles = null)
    {
        var slack = await FakeSlackServer.StartAsync();
        slack.AddChannel(TestRunbooks.Channel);
        var directory = Directory.CreateTempSubdirectory("rbr-warroom-");
        var runbooks = Directory.CreateDirectory(Path.Combine(directory.FullName, "runbooks"));
        foreach (var (name, yaml) in runbookFiles ?? new Dictionary<string, string>())
        {
            await File.WriteAllTextAsync(Path.Combine(runbooks.FullName, name + ".yaml"), yaml);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:ChannelPace"] = "00:00:00.001",
            ["Slack:ChannelBurst"] = "50",
            ["Slack:RetryBaseDelay"] = "00:00:00.020",
            ["Slack:MaxRetryDelay"] = "00:00:00.100",
            ["Slack:MaxRequestBodyBytes"] = "65536",
            ["Slack:StatusCoalesceWindow"] = "00:00:00.050",
            ["Runbook:RunbooksPath"] = runbooks.FullName,
        });
        builder.Services.AddRunbookStorage("sqlite:" + Path.Combine(directory.FullName, "runbook-runner.db"));
        foreach (var action in actions)
        {
            builder.Services.AddSingleton(action);
        }

        builder.Services.AddRunbookEngine(o => o.NodeId = "war-room-test");
        builder.Services.AddRunbookSlackWarRoom(builder.Configuration);
        var app = builder.Build();
        app.MapRunbookSlack();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WarRoomHost(app, slack, directory, new Uri(address));
    }

    /// <summary>Starts a run of <paramref name="yaml"/> as <paramref name="startedBy"/>, T0 now.</summary>
    public async Task<RunState> StartRunAsync(string yaml, string startedBy = "U0OPS") =>
        await Engine.StartAsync(new StartRunRequest
        {
            RunbookYaml = yaml,
            SourcePath = "test.yaml",
            T0 = TimeProvider.System.GetUtcNow(),
            StartedBy = startedBy,
            Source = "api",
        });

    /// <summary>POSTs a signed interaction (timestamp now unless given; the real secret unless given).</summary>
    public Task<HttpResponseMessage> PostInteractionAsync(string payloadJson, long? timestamp = null, string secret = SigningSecret) =>
        PostSignedAsync("/slack/interactions", SlackPayloads.InteractionForm(payloadJson), timestamp, secret);

    public Task<HttpResponseMessage> PostCommandAsync(string userId, string text, string responseUrl) =>
        PostSignedAsync("/slack/commands", SlackPayloads.CommandForm(userId, text, TestRunbooks.Channel, responseUrl, $"cmd-{NextActionTs()}"), null, SigningSecret);

    public async Task<HttpResponseMessage> PostSignedAsync(string path, string body, long? timestamp, string secret)
    {
        var ts = timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackSignature.TimestampHeader, ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, ts, body));
        return await Http.SendAsync(request);
    }

    /// <summary>Clicks a button of a message in the fake Slack as <paramref name="userId"/>; returns the click's response URL.</summary>
    public async Task<(HttpResponseMessage Response, string ResponseUrl, string Payload)> ClickAsync(FakeSlackMessage message, string actionId, string userId)
    {
        var value = message.ButtonValue(actionId) ?? throw new InvalidOperationException($"message {message.Ts} has no {actionId} button");
        var responseUrl = Slack.CreateResponseUrl();
        var payload = SlackPayloads.BlockAction(userId, actionId, value, message.Channel, message.Ts, message.ThreadTs, responseUrl, NextActionTs());
        return (await PostInteractionAsync(payload), responseUrl, payload);
    }

    /// <summary>A unique <c>action_ts</c>, as Slack stamps each click.</summary>
    public string NextActionTs() => string.Create(CultureInfo.InvariantCulture, $"1800000000.{Interlocked.Increment(ref _actionCounter):D6}");

    /// <summary>Waits until the fake Slack shows a message satisfying <paramref name="match"/> and returns it.</summary>
    public async Task<FakeSlackMessage> WaitForMessageAsync(Func<FakeSlackMessage, bool> match)
    {
        FakeSlackMessage? found = null;
        await Slack.WaitUntilAsync(s => (found = s.Messages.LastOrDefault(match)) is not null, Deadline);
        return found!;
    }

    /// <summary>Waits until a response URL received a reply satisfying <paramref name="match"/>.</summary>
    public async Task<FakeSlackResponse> WaitForResponseAsync(string responseUrl, Func<FakeSlackResponse, bool>? match = null)
    {
        FakeSlackResponse? found = null;
        await Slack.WaitUntilAsync(s => (found = s.Responses.FirstOrDefault(r => r.ResponseUrl == responseUrl && (match is null || match(r)))) is not null, Deadline);
        return found!;
    }

    /// <summary>Polls the engine until the run satisfies <paramref name="condition"/>.</summary>
    public async Task<RunState> WaitForRunAsync(string runId, Func<RunState, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var state = await Engine.GetStateAsync(runId, timeout.Token);
            if (state is not null && condition(state))
            {
                return state;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.Services.GetRequiredService<CommandRunner>().StopAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
