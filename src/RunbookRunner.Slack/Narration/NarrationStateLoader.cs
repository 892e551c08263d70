using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Slack.Narration;

/// <summary>Folds a run's journal up to a given sequence, so a message is rendered as of the event it narrates.</summary>
internal sealed class NarrationStateLoader(IRunStore runs)
{
    private const int PageSize = 1000;

    public async Task<RunState> LoadAsync(string runId, long upToSequence, Runbook? runbook = null, CancellationToken cancellationToken = default)
    {
        runbook ??= await LoadRunbookAsync(runId, cancellationToken).ConfigureAwait(false);
        var state = RunState.Initial(runId, runbook);
        long after = 0;
        while (after < upToSequence)
        {
            var page = await runs.ReadJournalAsync(runId, after, (int)Math.Min(PageSize, upToSequence - after), cancellationToken).ConfigureAwait(false);
            foreach (var row in page.TakeWhile(r => r.Sequence <= upToSequence))
            {
                state = state.Apply(RunEventJson.Deserialize(row.Type, row.DataJson));
                after = row.Sequence;
            }

            if (page.Count == 0)
            {
                break;
            }
        }

        return state;
    }

    private async Task<Runbook> LoadRunbookAsync(string runId, CancellationToken cancellationToken)
    {
        var record = await runs.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);
        return RunbookLoader.Load(record.RunbookYaml, record.SourcePath ?? $"{record.RunbookName}.yaml").Runbook
            ?? throw new InvalidOperationException($"The runbook snapshot of run {runId} no longer loads; its narration cannot be rendered.");
    }
}
