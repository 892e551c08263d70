namespace RunbookRunner.Core.Runs.Events;

/// <summary>One gate's verdict and its evidence ("0 open P0/P1 issues").</summary>
public sealed record GateResult(string Gate, bool Passed, string Evidence);
