using System.Text.Json;

namespace RunbookRunner.Slack.Tests.Fakes;

/// <summary>
/// A message as the fake Slack holds it: the latest text and blocks after any <c>chat.update</c>,
/// its thread parent (<see cref="ThreadTs"/>), and for ephemeral messages the <see cref="User"/> who saw it.
/// </summary>
public sealed record FakeSlackMessage(
    string Channel,
    string Ts,
    string? ThreadTs,
    string? Text,
    JsonElement? Blocks,
    string? User = null,
    int UpdateCount = 0)
{
    /// <summary>Number of blocks, 0 when none.</summary>
    public int BlockCount => Blocks is { ValueKind: JsonValueKind.Array } blocks ? blocks.GetArrayLength() : 0;
}
