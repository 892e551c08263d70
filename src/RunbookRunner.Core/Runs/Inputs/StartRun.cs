namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Begin advancing a created run.</summary>
public sealed record StartRun(Actor By) : RunInput;
