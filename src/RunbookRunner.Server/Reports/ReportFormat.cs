namespace RunbookRunner.Server.Reports;

/// <summary>The formats a launch report is rendered in.</summary>
public enum ReportFormat
{
    Json,
    Md,
    Html,
}
