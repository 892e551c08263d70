namespace RunbookRunner.Slack.Interactivity;

/// <summary>The Slack user behind an interaction; <see cref="Id"/> (<c>U...</c>) is what runbook roles list.</summary>
public sealed record SlackUser(string Id, string? Username, string? Name, string? TeamId);
