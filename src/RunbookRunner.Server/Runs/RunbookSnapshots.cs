using System.Collections.Concurrent;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Server.Runs;

/// <summary>Parsed runbook snapshots of runs, cached by their text (many runs share one runbook).</summary>
public sealed class RunbookSnapshots
{
    private const int MaxEntries = 128;
    private readonly ConcurrentDictionary<string, Runbook> _cache = new(StringComparer.Ordinal);

    public Runbook Of(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_cache.TryGetValue(record.RunbookYaml, out var cached))
        {
            return cached;
        }

        var runbook = RunbookLoader.Load(record.RunbookYaml, record.SourcePath ?? $"{record.RunbookName}.yaml").Runbook
            ?? throw new InvalidOperationException($"The runbook snapshot of run {record.Id} no longer loads.");
        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[record.RunbookYaml] = runbook;
        return runbook;
    }
}
