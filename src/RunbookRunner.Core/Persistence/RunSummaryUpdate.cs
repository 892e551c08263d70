namespace RunbookRunner.Core.Persistence;

/// <summary>The run's read model after the events of a batch are applied (computed by the engine's fold).</summary>
/// <param name="State">Run state in wire form (<c>running</c>, <c>paused</c>, <c>rolled_back</c>...).</param>
/// <param name="IsFinished">True when <paramref name="State"/> is final.</param>
/// <param name="Lateness">How far behind plan the run is now.</param>
/// <param name="SummaryJson">Step states and other read-model data as JSON.</param>
public sealed record RunSummaryUpdate(string State, bool IsFinished, TimeSpan Lateness, string SummaryJson);
