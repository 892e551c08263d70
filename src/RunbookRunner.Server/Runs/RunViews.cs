using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Server.Runs;

/// <summary>
/// Reads runs for the API: the engine's state when it is current, else a fold of the journal (another node
/// may have advanced the run since this node last saw it).
/// </summary>
public sealed class RunViews(IRunStore store, RunEngine engine, RunbookSnapshots snapshots, TimeProvider time)
{
    public async Task<RunDto?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        var record = await store.GetRunAsync(runId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var state = await StateAsync(record, cancellationToken);
        return RunMapper.ToDto(record, state, time.GetUtcNow());
    }

    /// <summary>The run's state at least as recent as <paramref name="record"/>.</summary>
    public async Task<RunState> StateAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = await engine.GetStateAsync(record.Id, cancellationToken);
        if (state is not null && state.Version >= record.LastSequence)
        {
            return state;
        }

        return await FoldAsync(record, long.MaxValue, cancellationToken);
    }

    /// <summary>The state after the journal's events up to <paramref name="untilSequence"/>.</summary>
    public async Task<RunState> FoldAsync(RunRecord record, long untilSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = RunState.Initial(record.Id, snapshots.Of(record));
        long after = 0;
        while (after < untilSequence)
        {
            var page = await store.ReadJournalAsync(record.Id, after, 1000, cancellationToken);
            foreach (var row in page)
            {
                if (row.Sequence > untilSequence)
                {
                    return state;
                }

                state = state.Apply(RunEventJson.Deserialize(row.Type, row.DataJson));
                after = row.Sequence;
            }

            if (page.Count < 1000)
            {
                break;
            }
        }

        return state;
    }
}
