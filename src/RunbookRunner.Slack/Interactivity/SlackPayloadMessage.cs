namespace RunbookRunner.Slack.Interactivity;

/// <summary>The message a button was clicked on: its <c>ts</c> (to update it), its thread and text.</summary>
public sealed record SlackPayloadMessage(string Ts, string? ThreadTs, string? Text);
