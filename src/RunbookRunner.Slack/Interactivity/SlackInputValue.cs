namespace RunbookRunner.Slack.Interactivity;

/// <summary>The state of one input in a submitted view; <see cref="Value"/> is null when left empty.</summary>
public sealed record SlackInputValue(string Type, string? Value);
