namespace RunbookRunner.Slack.Interactivity;

/// <summary>Where the clicked element lives: a <c>message</c> (with channel and ts) or a <c>view</c> (with view id).</summary>
public sealed record SlackActionContainer(string Type, string? MessageTs, string? ChannelId, bool IsEphemeral, string? ViewId);
