namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>A guard's check was polled.</summary>
public sealed record GuardPolled(string GuardId, double? Value, bool Breached, string Detail) : RunInput;
