using System.Diagnostics;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Feed;

namespace RunbookRunner.Engine.Telemetry;

/// <summary>
/// Turns committed run events into spans and metrics. A run's root span opens when the run is first seen on this
/// node and closes with its final event; each step attempt becomes a child span with the journal's own start and end
/// times (so rehearsals on a virtual clock show launch time). After a restart the root span is opened again
/// ("resumed"), so a run spread over nodes or restarts appears as one trace per node lifetime.
/// </summary>
internal sealed class RunSpanRecorder : IDisposable
{
    private readonly Dictionary<string, Activity?> _roots = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Run, string Step, int Attempt), DateTimeOffset> _started = [];
    private readonly Dictionary<(string Run, string Step), DateTimeOffset> _firstSeen = [];
    private readonly HashSet<(string Run, string Step, int Attempt)> _recorded = [];

    /// <summary>The attempt number used for steps that end without attempts (manual tasks, skips, marked done).</summary>
    private const int Final = 0;

    public void Record(FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var runId = entry.RunId;
        var state = entry.State;
        var root = Root(runId, state, entry.Event);
        switch (entry.Event)
        {
            case RunStarted:
                EngineTelemetry.RunsStarted.Add(1, Tag(EngineTelemetry.RunbookTag, state.Runbook.Name));
                break;
            case StepStarted started:
                _started[(runId, started.StepId, started.Attempt)] = started.At;
                _firstSeen.TryAdd((runId, started.StepId), started.At);
                break;
            case ApprovalRequested requested when state.Steps.ContainsKey(requested.Target):
                _firstSeen.TryAdd((runId, requested.Target), requested.At);
                break;
            case ManualTaskRequested requested:
                _firstSeen.TryAdd((runId, requested.StepId), requested.At);
                break;
            case StepSucceeded succeeded:
                Step(root, state, succeeded.StepId, succeeded.Attempt, succeeded.At, "succeeded", null);
                break;
            case StepFailed failed:
                Step(root, state, failed.StepId, failed.Attempt, failed.At, "failed", failed.Error);
                break;
            case StepInterrupted interrupted:
                Step(root, state, interrupted.StepId, interrupted.Attempt, interrupted.At, "interrupted", "interrupted by a crash of its node");
                break;
            case ManualTaskDone done:
                Step(root, state, done.StepId, Final, done.At, "succeeded", null);
                break;
            case StepMarkedDone done:
                Step(root, state, done.StepId, Final, done.At, "marked_done", null);
                break;
            case StepSkipped skipped:
                Step(root, state, skipped.StepId, Final, skipped.At, "skipped", null);
                break;
            case RunSucceeded or RunFailed or RunAborted or RunRolledBack:
                Finish(runId, state, root, entry.Event);
                break;
        }
    }

    public void Dispose()
    {
        foreach (var root in _roots.Values)
        {
            root?.Stop();
        }

        _roots.Clear();
    }

    private Activity? Root(string runId, RunState state, RunEvent @event)
    {
        if (_roots.TryGetValue(runId, out var root))
        {
            return root;
        }

        var resumed = @event is not (RunCreated or RunStarted);
        var start = resumed ? @event.At : state.CreatedAt ?? @event.At;

        // The root stays open for the whole run, so it must not become the ambient parent of unrelated work.
        var previous = Activity.Current;
        root = EngineTelemetry.Source.StartActivity(
            $"run {state.Runbook.Name}",
            ActivityKind.Internal,
            parentContext: default,
            tags:
            [
                new(EngineTelemetry.RunIdTag, runId),
                new(EngineTelemetry.RunbookTag, state.Runbook.Name),
                new(EngineTelemetry.EnvironmentTag, state.Environment),
                new(EngineTelemetry.RehearsalTag, state.Rehearsal),
                new("runbook.resumed", resumed),
            ],
            startTime: start);
        Activity.Current = previous;
        _roots[runId] = root;
        return root;
    }

    private void Step(Activity? root, RunState state, string stepId, int attempt, DateTimeOffset end, string outcome, string? error)
    {
        var runId = state.RunId;
        if (!_recorded.Add((runId, stepId, attempt)))
        {
            return;
        }

        var definition = state.Runbook.FindStep(stepId);
        var kind = definition?.Kind.ToString().ToLowerInvariant() ?? "step";
        var action = definition?.Kind == StepKind.Action ? definition.Action?.Type : null;
        var start = _started.TryGetValue((runId, stepId, attempt), out var began) ? began
            : _firstSeen.TryGetValue((runId, stepId), out var seen) ? seen
            : state.Steps.TryGetValue(stepId, out var step) && step.StartedAt is { } stepStart ? stepStart
            : end;
        if (start > end)
        {
            start = end;
        }

        TagList metricTags = default;
        metricTags.Add(EngineTelemetry.StepKindTag, kind);
        metricTags.Add(EngineTelemetry.ActionTag, action);
        metricTags.Add(EngineTelemetry.OutcomeTag, outcome);
        EngineTelemetry.StepsFinished.Add(1, metricTags);
        EngineTelemetry.StepDuration.Record((end - start).TotalSeconds, metricTags);

        var previous = Activity.Current;
        using var span = EngineTelemetry.Source.StartActivity(
            $"step {stepId}",
            ActivityKind.Internal,
            parentContext: root?.Context ?? default,
            tags:
            [
                new(EngineTelemetry.RunIdTag, runId),
                new(EngineTelemetry.StepIdTag, stepId),
                new(EngineTelemetry.StepKindTag, kind),
                new(EngineTelemetry.ActionTag, action),
                new(EngineTelemetry.AttemptTag, attempt),
                new(EngineTelemetry.OutcomeTag, outcome),
            ],
            startTime: start);
        Activity.Current = previous;
        if (span is null)
        {
            return;
        }

        if (error is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, error);
        }

        span.SetEndTime(end.UtcDateTime);
    }

    private void Finish(string runId, RunState state, Activity? root, RunEvent final)
    {
        var outcome = StatusNames.Of(state.Status);
        EngineTelemetry.RunsFinished.Add(1, Tag(EngineTelemetry.RunbookTag, state.Runbook.Name), Tag(EngineTelemetry.OutcomeTag, outcome));
        if (root is not null)
        {
            root.SetTag(EngineTelemetry.OutcomeTag, outcome);
            if (final is not RunSucceeded)
            {
                root.SetStatus(ActivityStatusCode.Error, state.EndReason ?? outcome);
            }

            root.SetEndTime((final.At < root.StartTimeUtc ? root.StartTimeUtc : final.At.UtcDateTime));
            root.Stop();
        }

        _roots.Remove(runId);
        _started.Keys.Where(k => k.Run == runId).ToList().ForEach(k => _started.Remove(k));
        _firstSeen.Keys.Where(k => k.Run == runId).ToList().ForEach(k => _firstSeen.Remove(k));
        _recorded.RemoveWhere(k => k.Run == runId);
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
