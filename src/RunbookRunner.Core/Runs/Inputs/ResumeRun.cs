namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Continue a paused run.</summary>
public sealed record ResumeRun(Actor By) : RunInput;
