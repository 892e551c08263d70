using RunbookRunner.Contracts.Runbooks;
using RunbookRunner.Core.Planning;

namespace RunbookRunner.Server.Dashboard;

/// <summary>A runbook's page: its diagnostics and, when it is valid, its plan for the chosen T0 and environment.</summary>
public sealed record RunbookPageModel(
    PageFrame Frame,
    RunbookSummary Runbook,
    IReadOnlyList<DiagnosticDto> Diagnostics,
    string? T0,
    string? Environment,
    string? PlanError,
    RunPlan? Plan,
    string? TimelineSvg);
