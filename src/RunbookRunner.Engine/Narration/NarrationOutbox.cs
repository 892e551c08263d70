using System.Text.Json;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Engine.Narration;

/// <summary>Turns committed events into outbox messages, one per narration target, in the same transaction.</summary>
public static class NarrationOutbox
{
    public static IReadOnlyList<NewOutboxMessage> For(
        IReadOnlyList<string> targets, RunState before, IReadOnlyList<RunEvent> events, IReadOnlyList<string> eventJson)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(eventJson);
        if (targets.Count == 0)
        {
            return [];
        }

        var messages = new List<NewOutboxMessage>(events.Count * targets.Count);
        var state = before;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            state = state.Apply(e);
            var message = new NarrationMessage
            {
                RunId = state.RunId,
                Sequence = state.Version,
                EventType = e.TypeName,
                EventJson = eventJson[i],
                At = e.At,
                Text = NarrationText.For(e, state),
                Clock = NarrationText.Clock(e.At, state),
                StepId = StepOf(e),
                RunState = StatusNames.Of(state.Status),
                RunbookName = state.Runbook.Name,
                RunTitle = state.Runbook.Title,
                Channel = state.Runbook.Channel,
                Rehearsal = state.Rehearsal,
            };
            var payload = JsonSerializer.Serialize(message, RunEventJson.Options);
            messages.AddRange(targets.Select(t => new NewOutboxMessage(t, e.TypeName, payload)));
        }

        return messages;
    }

    public static NarrationMessage Parse(string payloadJson) =>
        JsonSerializer.Deserialize<NarrationMessage>(payloadJson, RunEventJson.Options)
            ?? throw new JsonException("Empty narration payload.");

    private static string? StepOf(RunEvent e) => e switch
    {
        StepWaiting x => x.StepId,
        StepSkipped x => x.StepId,
        StepStarted x => x.StepId,
        StepSucceeded x => x.StepId,
        StepFailed x => x.StepId,
        StepInterrupted x => x.StepId,
        StepMarkedDone x => x.StepId,
        StepRetried x => x.StepId,
        ManualTaskRequested x => x.StepId,
        ManualTaskDone x => x.StepId,
        ApprovalRequested x => x.Target,
        ApprovalGranted x => x.Target,
        ApprovalRejected x => x.Target,
        ApprovalEscalated x => x.Target,
        ApprovalTimedOut x => x.Target,
        GatesEvaluated x => x.StepId,
        CompensationStarted x => x.StepId,
        CompensationSucceeded x => x.StepId,
        CompensationFailed x => x.StepId,
        CompensationSkipped x => x.StepId,
        RunPaused x => x.StepId,
        _ => null,
    };
}
