using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Engine.Narration;

/// <summary>A claimed outbox message waiting in its lane, parsed once (or with the reason it cannot be).</summary>
internal sealed record NarrationLaneItem(OutboxMessage Message, NarrationMessage? Narration, string? ParseError)
{
    /// <summary>The run the message belongs to as the outbox stores it (empty for none).</summary>
    public string RunKey => Message.RunId ?? string.Empty;
}
