namespace RunbookRunner.Slack.Api.Requests;

/// <summary>Body of <c>reactions.add</c>.</summary>
internal sealed record ReactionsAddRequest(string Channel, string Timestamp, string Name);
