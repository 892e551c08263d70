using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Planning;

/// <summary>Finds the chain of steps that determines when a run finishes at the latest.</summary>
internal static class CriticalPath
{
    public static IReadOnlyList<string> Find(
        IReadOnlyList<Step> steps,
        IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies,
        IReadOnlyDictionary<string, DateTimeOffset> finishLatest,
        IReadOnlyDictionary<string, DateTimeOffset?> anchorTimes)
    {
        if (steps.Count == 0)
        {
            return [];
        }

        var position = steps.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        // Among equal finishes, the later step in the runbook is the one people see as "last".
        var current = steps.Select(s => s.Id).MaxBy(id => (finishLatest[id], position[id]))!;
        var path = new List<string> { current };
        var seen = new HashSet<string>(StringComparer.Ordinal) { current };
        while (true)
        {
            var deps = dependencies[current];
            if (deps.Count == 0)
            {
                break;
            }

            var binding = deps.MaxBy(d => (finishLatest[d], position[d]))!;

            // The step's own anchor set its start: nothing before it is critical. A tie keeps the dependency, which
            // then has no slack either.
            if ((anchorTimes[current] is { } anchor && anchor > finishLatest[binding]) || !seen.Add(binding))
            {
                break;
            }

            path.Add(binding);
            current = binding;
        }

        path.Reverse();
        return path;
    }
}
