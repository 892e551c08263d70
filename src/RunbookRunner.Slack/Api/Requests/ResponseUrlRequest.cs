using RunbookRunner.Slack.BlockKit;

namespace RunbookRunner.Slack.Api.Requests;

/// <summary>Body posted to an interaction's <c>response_url</c>.</summary>
internal sealed record ResponseUrlRequest(string Text, IReadOnlyList<Block>? Blocks, string? ResponseType, bool? ReplaceOriginal, bool? DeleteOriginal, string? ThreadTs);
