namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>The clock moved (a timer fired): re-evaluate anchors, retries, timeouts, escalations, recurrences and guards.</summary>
public sealed record Tick : RunInput;
