using Microsoft.Extensions.Options;

namespace RunbookRunner.Slack.WarRoom;

/// <summary>Validates <see cref="SlackWarRoomOptions"/> at start-up, reporting every problem at once.</summary>
public sealed class SlackWarRoomOptionsValidator : IValidateOptions<SlackWarRoomOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SlackWarRoomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string section = SlackOptions.SectionName;
        if (options.DefaultChannel is { } channel && (channel.Length == 0 || channel.Any(char.IsWhiteSpace)))
        {
            failures.Add($"{section}:{nameof(SlackWarRoomOptions.DefaultChannel)} '{channel}' is not a channel id; use the id (C0123...) from the channel's details.");
        }

        if (options.StatusCoalesceWindow < TimeSpan.Zero || options.StatusCoalesceWindow > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{section}:{nameof(SlackWarRoomOptions.StatusCoalesceWindow)} is {options.StatusCoalesceWindow}; it must be between zero and one minute.");
        }

        if (string.IsNullOrWhiteSpace(options.RunbooksPath))
        {
            failures.Add($"Runbook:{nameof(SlackWarRoomOptions.RunbooksPath)} is empty; set it to the folder of runbook files (default runbooks/).");
        }

        if (options.LogExcerptLines is < 0 or > 40)
        {
            failures.Add($"{section}:{nameof(SlackWarRoomOptions.LogExcerptLines)} is {options.LogExcerptLines}; it must be between 0 and 40.");
        }

        if (options.WorkQueueCapacity is < 1 or > 100_000)
        {
            failures.Add($"{section}:{nameof(SlackWarRoomOptions.WorkQueueCapacity)} is {options.WorkQueueCapacity}; it must be between 1 and 100000.");
        }

        if (options.CachedRuns is < 1 or > 100_000)
        {
            failures.Add($"{section}:{nameof(SlackWarRoomOptions.CachedRuns)} is {options.CachedRuns}; it must be between 1 and 100000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
