using RunbookRunner.Slack.BlockKit;

namespace RunbookRunner.Slack.Api.Requests;

/// <summary>Body of <c>chat.postMessage</c>.</summary>
internal sealed record ChatPostMessageRequest(string Channel, string Text, IReadOnlyList<Block>? Blocks, string? ThreadTs);
