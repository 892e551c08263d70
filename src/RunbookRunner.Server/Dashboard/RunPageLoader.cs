using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Reports;
using RunbookRunner.Server.Runs;

namespace RunbookRunner.Server.Dashboard;

/// <summary>Loads what a run's page shows.</summary>
internal sealed class RunPageLoader(IRunStore store, IStepLogStore logs, RunReports reports, TimeProvider time)
{
    private const int MaxLogLinesPerStep = 40;

    public async Task<RunPageModel?> LoadAsync(string id, PageFrame frame, CancellationToken cancellationToken = default)
    {
        if (await store.GetRunAsync(id, cancellationToken) is not { } record)
        {
            return null;
        }

        var (state, events) = await reports.ReadAsync(record, cancellationToken);
        var audit = await reports.AuditAsync(id, cancellationToken);
        var now = time.GetUtcNow();
        var report = LaunchReportBuilder.Build(state, events, audit, now);
        var lines = await logs.ReadAsync(id, null, 0, 5000, cancellationToken);
        var byStep = lines.GroupBy(l => l.StepId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StepLogLine>)[.. g.TakeLast(MaxLogLinesPerStep)], StringComparer.Ordinal);
        return new RunPageModel(frame, RunMapper.ToDto(record, state, now), report, byStep);
    }
}
