using System.Text.Json;
using RunbookRunner.Contracts.Events;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// Remembers the journal of each run as last read and checks every later read against it: sequences start at 1
/// and have no gaps, and what was read before is still there, unchanged (nothing committed is ever lost).
/// </summary>
internal sealed class JournalCheck
{
    private readonly Dictionary<string, IReadOnlyList<EventDto>> _seen = new(StringComparer.Ordinal);

    /// <summary>Events compared with an earlier read (each event counts once per comparison).</summary>
    public long EventsReverified { get; private set; }

    /// <summary>Checks <paramref name="events"/> of <paramref name="runId"/>; returns the problems found (none when fine).</summary>
    public IReadOnlyList<string> Check(string runId, IReadOnlyList<EventDto> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var problems = new List<string>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Sequence != i + 1)
            {
                problems.Add($"{runId}: event #{i + 1} has sequence {events[i].Sequence} (gap or reorder)");
                break;
            }
        }

        if (_seen.TryGetValue(runId, out var before))
        {
            if (before.Count > events.Count)
            {
                problems.Add($"{runId}: the journal shrank from {before.Count} to {events.Count} events");
            }

            for (var i = 0; i < Math.Min(before.Count, events.Count); i++)
            {
                if (before[i].Type != events[i].Type || !JsonElement.DeepEquals(before[i].Data, events[i].Data))
                {
                    problems.Add($"{runId}: event {i + 1} changed from {before[i].Type} to {events[i].Type}");
                    break;
                }
            }

            EventsReverified += Math.Min(before.Count, events.Count);
        }

        _seen[runId] = events;
        return problems;
    }
}
