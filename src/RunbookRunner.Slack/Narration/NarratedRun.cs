using System.Globalization;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Slack.Narration;

/// <summary>
/// What the narrator holds in memory about one run: its stored keys (write-through), its state as of the last
/// narrated event, and the version last shown in the status message. Guarded by <see cref="Gate"/>.
/// </summary>
internal sealed class NarratedRun(string runId) : IDisposable
{
    public string RunId { get; } = runId;

    /// <summary>Serialises deliveries and status flushes of this run.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The stored keys; null until read from the store.</summary>
    public Dictionary<string, string>? Keys { get; set; }

    public RunState? State { get; set; }

    public RunPlan? Plan { get; set; }

    /// <summary>State version last rendered into the status message (-1: never in this process).</summary>
    public long StatusVersion { get; set; } = -1;

    public long LastSequence =>
        Keys is not null && Keys.TryGetValue(NarrationKeys.Sequence, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0;

    public SlackMessageRef? StatusMessage => Keys is null ? null : SlackMessageRef.Parse(Keys.GetValueOrDefault(NarrationKeys.Status));

    public void Dispose() => Gate.Dispose();
}
