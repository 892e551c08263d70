namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>An approver says yes to a step (target = step id) or a guard (<c>guard:ID</c>).</summary>
public sealed record Approve(string Target, Actor By) : RunInput;
