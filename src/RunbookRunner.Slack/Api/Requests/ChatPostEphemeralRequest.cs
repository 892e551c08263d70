using RunbookRunner.Slack.BlockKit;

namespace RunbookRunner.Slack.Api.Requests;

/// <summary>Body of <c>chat.postEphemeral</c>.</summary>
internal sealed record ChatPostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block>? Blocks, string? ThreadTs);
