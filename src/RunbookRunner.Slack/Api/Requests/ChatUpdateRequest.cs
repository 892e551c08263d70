using RunbookRunner.Slack.BlockKit;

namespace RunbookRunner.Slack.Api.Requests;

/// <summary>Body of <c>chat.update</c>.</summary>
internal sealed record ChatUpdateRequest(string Channel, string Ts, string Text, IReadOnlyList<Block>? Blocks);
