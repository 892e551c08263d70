using System.Text.Json;
using RunbookRunner.Contracts.Events;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Server.Runs;

namespace RunbookRunner.Server.Events;

/// <summary>
/// Reads a run's journal as API events. The data is the journal's own (redacted when it was written); the text is
/// the narration line, which needs the run's state at that event, so the reader folds the journal as it goes.
/// </summary>
public sealed class EventReader(IRunStore store, RunbookSnapshots snapshots)
{
    private const int Page = 500;

    /// <summary>A cursor over one run's journal: call <see cref="Cursor.ReadAsync"/> repeatedly for what is new.</summary>
    public Cursor Open(RunRecord record) => new(store, RunState.Initial(record?.Id ?? throw new ArgumentNullException(nameof(record)), snapshots.Of(record)));

    /// <summary>Folds a run's journal and hands out events past a sequence.</summary>
    public sealed class Cursor
    {
        private readonly IRunStore _store;

        internal Cursor(IRunStore store, RunState initial)
        {
            _store = store;
            State = initial;
        }

        /// <summary>The state after the last event read.</summary>
        public RunState State { get; private set; }

        /// <summary>Sequence of the last event read (and folded).</summary>
        public long Position => State.Version;

        /// <summary>
        /// Reads events newer than <see cref="Position"/>, at most <paramref name="limit"/> of them with sequence
        /// greater than <paramref name="after"/>; those at or below <paramref name="after"/> are folded, not returned.
        /// </summary>
        public async Task<(IReadOnlyList<EventDto> Items, bool More)> ReadAsync(long after, int limit, CancellationToken cancellationToken = default)
        {
            var items = new List<EventDto>();
            while (true)
            {
                var rows = await _store.ReadJournalAsync(State.RunId, Position, Page, cancellationToken);
                foreach (var row in rows)
                {
                    if (items.Count >= limit)
                    {
                        return (items, true);
                    }

                    var e = RunEventJson.Deserialize(row.Type, row.DataJson);
                    State = State.Apply(e);
                    if (row.Sequence > after)
                    {
                        items.Add(ToDto(row, e, State));
                    }
                }

                if (rows.Count < Page)
                {
                    return (items, false);
                }
            }
        }
    }

    private static EventDto ToDto(JournalEvent row, RunEvent e, RunState stateAfter)
    {
        using var data = JsonDocument.Parse(row.DataJson);
        return new EventDto
        {
            Sequence = row.Sequence,
            Type = row.Type,
            At = row.At,
            Data = data.RootElement.Clone(),
            Text = NarrationText.For(e, stateAfter),
        };
    }
}
