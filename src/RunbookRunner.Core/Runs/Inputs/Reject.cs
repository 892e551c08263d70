namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>An approver says no.</summary>
public sealed record Reject(string Target, Actor By, string? Reason) : RunInput;
