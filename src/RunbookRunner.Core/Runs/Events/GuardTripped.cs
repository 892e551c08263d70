using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Runs.Events;

/// <summary>A guard's threshold was breached long enough; <paramref name="Response"/> follows.</summary>
public sealed record GuardTripped(string GuardId, GuardResponse Response, string Detail) : RunEvent;
