namespace RunbookRunner.Server.Dashboard;

/// <summary>A runbook of the runbooks folder as the dashboard lists it.</summary>
public sealed record RunbookSummary(string Name, string File, string? Title, bool Valid, int Errors, int Warnings, IReadOnlyList<string> Environments, int Steps)
{
    /// <summary>The runbook's <c>timezone</c>; null when it does not load.</summary>
    public string? TimeZone { get; init; }
}
