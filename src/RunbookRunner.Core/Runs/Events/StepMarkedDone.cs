namespace RunbookRunner.Core.Runs.Events;

/// <summary>A person declared an interrupted or failed step done.</summary>
public sealed record StepMarkedDone(string StepId, string By, string Source) : RunEvent;
