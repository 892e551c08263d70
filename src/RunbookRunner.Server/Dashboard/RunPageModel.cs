using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Reports;

namespace RunbookRunner.Server.Dashboard;

/// <summary>A run's page: the API's view of it, its report (timeline, audit) and the last log lines per step.</summary>
public sealed record RunPageModel(PageFrame Frame, RunDto Run, LaunchReport Report, IReadOnlyDictionary<string, IReadOnlyList<StepLogLine>> Logs)
{
    public bool IsTerminal => Run.State is RunStates.Succeeded or RunStates.Failed or RunStates.Aborted or RunStates.RolledBack;
}
