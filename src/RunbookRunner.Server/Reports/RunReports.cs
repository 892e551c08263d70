using Microsoft.Extensions.Options;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Server.Configuration;
using RunbookRunner.Server.Runs;

namespace RunbookRunner.Server.Reports;

/// <summary>Reads what a launch report needs (the journal, folded; the run's audit entries) and builds it.</summary>
public sealed class RunReports(IRunStore store, IAuditStore audit, RunbookSnapshots snapshots, TimeProvider time, IOptions<ServerOptions> options)
{
    private const int Page = 1000;
    private const int MaxAuditEntries = 2000;

    /// <summary>The report of run <paramref name="runId"/>, or null when there is no such run.</summary>
    public async Task<LaunchReport?> BuildAsync(string runId, CancellationToken cancellationToken = default)
    {
        var record = await store.GetRunAsync(runId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var (state, events) = await ReadAsync(record, cancellationToken);
        var entries = await AuditAsync(runId, cancellationToken);
        return LaunchReportBuilder.Build(state, events, entries, time.GetUtcNow(), RunUrl(options.Value.PublicUrl, runId));
    }

    /// <summary>The run's journal as events, and the state they fold to.</summary>
    public async Task<(RunState State, IReadOnlyList<RunEvent> Events)> ReadAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = RunState.Initial(record.Id, snapshots.Of(record));
        var events = new List<RunEvent>();
        long after = 0;
        while (true)
        {
            var rows = await store.ReadJournalAsync(record.Id, after, Page, cancellationToken);
            foreach (var row in rows)
            {
                var e = RunEventJson.Deserialize(row.Type, row.DataJson);
                state = state.Apply(e);
                events.Add(e);
                after = row.Sequence;
            }

            if (rows.Count < Page)
            {
                return (state, events);
            }
        }
    }

    /// <summary>The run's audit entries, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string runId, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditEntry>();
        long? before = null;
        while (entries.Count < MaxAuditEntries)
        {
            var page = await audit.ListAsync(new AuditQuery { RunId = runId, BeforeId = before, Limit = 500 }, cancellationToken);
            entries.AddRange(page);
            if (page.Count < 500)
            {
                break;
            }

            before = page[^1].Id;
        }

        entries.Reverse();
        return entries;
    }

    /// <summary>The dashboard page of a run under <paramref name="publicUrl"/>, or null without one.</summary>
    public static string? RunUrl(string? publicUrl, string runId) =>
        string.IsNullOrWhiteSpace(publicUrl) ? null : $"{publicUrl.TrimEnd('/')}/runs/{Uri.EscapeDataString(runId)}";
}
