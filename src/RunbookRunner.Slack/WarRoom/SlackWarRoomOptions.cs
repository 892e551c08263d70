namespace RunbookRunner.Slack.WarRoom;

/// <summary>
/// Settings of the Slack war room (narration, buttons, slash commands), bound from the <c>Slack</c> section next to
/// <see cref="SlackOptions"/>; <see cref="RunbooksPath"/> comes from <c>Runbook:RunbooksPath</c>.
/// </summary>
public sealed class SlackWarRoomOptions
{
    /// <summary>Channel for runs of runbooks that name none (<c>Slack:DefaultChannel</c>); without it such runs are not narrated to Slack.</summary>
    public string? DefaultChannel { get; set; }

    /// <summary>
    /// Events of one run delivered within this window produce one update of its status message
    /// (<c>Slack:StatusCoalesceWindow</c>); the final state is always shown at once.
    /// </summary>
    public TimeSpan StatusCoalesceWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Folder where <c>/runbook start NAME</c> finds runbooks (<c>Runbook:RunbooksPath</c>).</summary>
    public string RunbooksPath { get; set; } = "runbooks/";

    /// <summary>Last log lines of a failed attempt quoted in the thread.</summary>
    public int LogExcerptLines { get; set; } = 6;

    /// <summary>Clicks and commands waiting for the background worker; beyond it Slack is told to try again.</summary>
    public int WorkQueueCapacity { get; set; } = 512;

    /// <summary>Runs whose narration state is kept in memory; older ones are re-read from the store when needed.</summary>
    public int CachedRuns { get; set; } = 256;
}
