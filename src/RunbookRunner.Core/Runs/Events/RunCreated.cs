using RunbookRunner.Core.Runs.Settings;

namespace RunbookRunner.Core.Runs.Events;

/// <summary>
/// The run was created (state <c>scheduled</c>) for a launch at <paramref name="T0"/>, with the start-time
/// <paramref name="Settings"/> (variable and secret-source replacements, working directory) when any were given.
/// </summary>
public sealed record RunCreated(string RunbookName, DateTimeOffset T0, string? Environment, string StartedBy, bool Rehearsal, RunSettings? Settings = null) : RunEvent;
