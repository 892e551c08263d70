using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Engine.Feed;

/// <summary>A committed event with its journal sequence and the run's state right after the batch it belongs to.</summary>
public sealed record FeedEntry(string RunId, long Sequence, RunEvent Event, RunState State);
