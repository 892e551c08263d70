namespace RunbookRunner.Slack.Interactivity;

/// <summary>
/// One element interaction: which element (<see cref="ActionId"/> in <see cref="BlockId"/>), its
/// <see cref="Value"/> (a button's value or a select's chosen value) and when (<see cref="ActionTs"/>).
/// </summary>
public sealed record SlackBlockAction(string ActionId, string BlockId, string Type, string? Value, string ActionTs);
