namespace RunbookRunner.Core.Execution;

/// <summary>One reading of a guard: the value read (if numeric), whether it breaches, and a line for people.</summary>
public sealed record GuardProbeResult(double? Value, bool Breached, string Detail);
