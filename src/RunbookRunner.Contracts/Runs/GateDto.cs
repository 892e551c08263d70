namespace RunbookRunner.Contracts.Runs;

/// <summary>A gate's verdict and its evidence ("0 open P0/P1 issues").</summary>
public sealed record GateDto(string Gate, bool Passed, string Evidence);
