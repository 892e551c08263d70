using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Errors;
using RunbookRunner.Slack.Messages;
using RunbookRunner.Slack.WarRoom;

namespace RunbookRunner.Slack.Narration;

/// <summary>
/// Narration target <c>slack</c>: one status message per run in the runbook's channel (posted once, then kept
/// current with <c>chat.update</c>, bursts coalesced), and under it a thread with one reply per meaningful event,
/// approval requests with Approve / Reject, failures with Retry / Skip / Roll back / Abort, manual tasks with
/// Done, and a final report.
/// </summary>
/// <remarks>
/// Deliveries come from the transactional outbox in journal order per run, and may repeat after a crash. Every
/// message posted is recorded under a key of (run, sequence, slot) right after Slack accepts it, and the last
/// sequence narrated is stored, so a repeat posts nothing twice; edits (<c>chat.update</c>) are idempotent anyway.
/// A failure that waiting can cure (Slack down, rate limits, a bad token being fixed) is thrown, so the outbox
/// tries again later and narration resumes in order; content Slack refuses outright is logged and skipped.
/// </remarks>
public sealed partial class SlackNarrationSink : INarrationSink, IAsyncDisposable
{
    public const string TargetName = "slack";

    private readonly Func<ISlackClient> _slack;
    private readonly INarrationStateStore _store;
    private readonly IStepLogStore _logs;
    private readonly NarrationStateLoader _loader;
    private readonly SlackWarRoomOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackNarrationSink> _logger;
    private readonly NarratedRunCache _runs;
    private readonly StatusCoalescer _coalescer;
    private readonly string? _publicUrl;

    /// <summary>
    /// Creates the sink; <paramref name="slack"/> gives the Slack client per delivery (typed HTTP clients are short-lived by design).
    /// With <paramref name="publicUrl"/> (the engine's public URL) the final summary links to the run's launch report.
    /// </summary>
    public SlackNarrationSink(
        Func<ISlackClient> slack,
        INarrationStateStore store,
        IRunStore runs,
        IStepLogStore logs,
        IOptions<SlackWarRoomOptions> options,
        TimeProvider time,
        ILogger<SlackNarrationSink> logger,
        string? publicUrl = null)
    {
        ArgumentNullException.ThrowIfNull(slack);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _slack = slack;
        _store = store;
        _logs = logs;
        _loader = new NarrationStateLoader(runs);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _publicUrl = string.IsNullOrWhiteSpace(publicUrl) ? null : publicUrl.TrimEnd('/');
        _runs = new NarratedRunCache(_options.CachedRuns);
        _coalescer = new StatusCoalescer(_options.StatusCoalesceWindow, time, FlushStatusAsync, logger);
    }

    /// <inheritdoc />
    public string Target => TargetName;

    /// <summary>Status updates scheduled but not yet sent.</summary>
    public int PendingStatusUpdates => _coalescer.PendingCount;

    /// <inheritdoc />
    public async Task DeliverAsync(NarrationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Channel ?? _options.DefaultChannel;
        if (string.IsNullOrEmpty(channel))
        {
            return;
        }

        var run = _runs.Get(message.RunId);
        await run.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another node may have narrated events in between: trust only the store then.
            if (run.Keys is null || message.Sequence != run.LastSequence + 1)
            {
                run.Keys = new Dictionary<string, string>(await _store.GetAllAsync(TargetName, run.RunId, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
            }

            if (message.Sequence <= run.LastSequence)
            {
                return;
            }

            var e = RunEventJson.Deserialize(message.EventType, message.EventJson);
            run.State = run.State switch
            {
                { } known when known.Version == message.Sequence - 1 => known.Apply(e),
                { } known when known.Version == message.Sequence => known, // a retry of a delivery that failed half-way
                _ => await _loader.LoadAsync(run.RunId, message.Sequence, run.State?.Runbook, cancellationToken).ConfigureAwait(false),
            };
            run.Plan ??= RunTimeline.TryPlan(run.State);
            if (e is StepStarted started)
            {
                run.AttemptStarts[started.StepId] = started.At;
            }

            var delivery = new Delivery(run, message, e, run.State, _slack());
            delivery.Status = run.StatusMessage ?? await PostStatusAsync(delivery, channel, cancellationToken).ConfigureAwait(false);
            await NarrateEventAsync(delivery, cancellationToken).ConfigureAwait(false);
            await RefreshTrackedAsync(delivery, cancellationToken).ConfigureAwait(false);
            if (delivery.State.IsTerminal || _options.StatusCoalesceWindow == TimeSpan.Zero)
            {
                // The final state is shown at once, not a window later; a failure here makes the outbox deliver the
                // event again, which posts nothing twice and retries this update.
                await UpdateStatusAsync(run, delivery.Slack, cancellationToken).ConfigureAwait(false);
            }

            await SaveAsync(run, NarrationKeys.Sequence, message.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            if (run.StatusVersion != run.State.Version)
            {
                _coalescer.MarkDirty(run.RunId);
            }
        }
        finally
        {
            run.Gate.Release();
        }
    }

    /// <summary>Waits until every scheduled status update has been sent (or given up).</summary>
    public Task WhenStatusUpdatesIdleAsync() => _coalescer.WhenIdleAsync();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _coalescer.DisposeAsync();

    private async Task<SlackMessageRef> PostStatusAsync(Delivery delivery, string channel, CancellationToken cancellationToken)
    {
        var run = delivery.Run;
        var now = _time.GetUtcNow();
        var message = StatusMessage.Render(delivery.State, RunTimeline.Of(delivery.State, now, run.Plan), now);
        var posted = await delivery.Slack.PostMessageAsync(channel, message, cancellationToken: cancellationToken).ConfigureAwait(false);
        var status = SlackMessageRef.From(posted);
        await SaveAsync(run, NarrationKeys.Status, status.Format(), cancellationToken).ConfigureAwait(false);
        run.StatusVersion = delivery.State.Version;
        return status;
    }

    private async Task FlushStatusAsync(string runId, CancellationToken cancellationToken)
    {
        if (!_runs.TryPeek(runId, out var run) || run is null)
        {
            return;
        }

        await run.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await UpdateStatusAsync(run, _slack(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            run.Gate.Release();
        }
    }

    /// <summary>Redraws the status message from the state last narrated, unless it already shows it. Caller holds the gate.</summary>
    private async Task UpdateStatusAsync(NarratedRun run, ISlackClient slack, CancellationToken cancellationToken)
    {
        if (run.State is not { } state || run.StatusMessage is not { } status || run.StatusVersion == state.Version)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var message = StatusMessage.Render(state, RunTimeline.Of(state, now, run.Plan), now);
        try
        {
            await slack.UpdateMessageAsync(status.Channel, status.Ts, message.Text, message.Blocks, cancellationToken).ConfigureAwait(false);
            run.StatusVersion = state.Version;
        }
        catch (SlackApiException ex) when (ex is SlackTargetException or SlackInvalidRequestException)
        {
            // Deleted or no longer editable: nothing to gain from retrying the same edit.
            _logger.LogWarning("Could not update the Slack status message of run {RunId}: {Error}", run.RunId, ex.Message);
            run.StatusVersion = state.Version;
        }
    }

    private async Task SaveAsync(NarratedRun run, string key, string value, CancellationToken cancellationToken)
    {
        await _store.SetAsync(TargetName, run.RunId, new Dictionary<string, string> { [key] = value }, cancellationToken).ConfigureAwait(false);
        run.Keys![key] = value;
    }

    /// <summary>Posts a message (a thread reply) once per (event, slot); returns where it is.</summary>
    private async Task<SlackMessageRef?> PostOnceAsync(Delivery delivery, string slot, SlackMessage message, CancellationToken cancellationToken)
    {
        var key = NarrationKeys.Post(delivery.Message.Sequence, slot);
        if (delivery.Run.Keys!.TryGetValue(key, out var existing))
        {
            return SlackMessageRef.Parse(existing);
        }

        SlackPostedMessage posted;
        try
        {
            posted = await delivery.Slack.PostMessageAsync(delivery.Status!.Channel, message, delivery.Status.Ts, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackInvalidRequestException ex)
        {
            // Slack refuses this content and always will: skip it rather than block the run's narration forever.
            _logger.LogError("Slack refused narration {Slot} of run {RunId} at sequence {Sequence}: {Error}", slot, delivery.Run.RunId, delivery.Message.Sequence, ex.Message);
            return null;
        }

        var where = SlackMessageRef.From(posted);
        await SaveAsync(delivery.Run, key, where.Format(), cancellationToken).ConfigureAwait(false);
        return where;
    }

    /// <summary>One delivery being narrated.</summary>
    private sealed class Delivery(NarratedRun run, NarrationMessage message, RunEvent e, RunState state, ISlackClient slack)
    {
        public NarratedRun Run { get; } = run;

        public NarrationMessage Message { get; } = message;

        public RunEvent Event { get; } = e;

        public RunState State { get; } = state;

        public ISlackClient Slack { get; } = slack;

        public SlackMessageRef? Status { get; set; }
    }
}
