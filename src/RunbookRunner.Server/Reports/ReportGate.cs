namespace RunbookRunner.Server.Reports;

/// <summary>A gate's verdict and evidence as last evaluated.</summary>
public sealed record ReportGate(string Gate, bool Passed, string Evidence);
