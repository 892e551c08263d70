namespace RunbookRunner.Slack.Interactivity;

/// <summary>A channel named in a payload.</summary>
public sealed record SlackChannel(string Id, string? Name);
