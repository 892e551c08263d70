namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>
/// A person reports that a waiting manual task failed (for example QA found a broken flow); allowed only when the
/// task lists <c>outcomes: [done, failed]</c>. The step fails and its <c>on_failure</c> applies.
/// </summary>
public sealed record FailManual(string StepId, Actor By, string Reason) : RunInput;
