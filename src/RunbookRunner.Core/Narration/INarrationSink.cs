namespace RunbookRunner.Core.Narration;

/// <summary>
/// Receives narration from the outbox, in journal order per run. Throwing makes the outbox retry the
/// message later (a Slack outage delays narration, never loses it); sinks must tolerate a repeat of
/// a message they already handled after a crash (use <see cref="NarrationMessage.Sequence"/>).
/// </summary>
public interface INarrationSink
{
    /// <summary>The outbox target this sink consumes ("console", "slack").</summary>
    string Target { get; }

    Task DeliverAsync(NarrationMessage message, CancellationToken cancellationToken = default);
}
