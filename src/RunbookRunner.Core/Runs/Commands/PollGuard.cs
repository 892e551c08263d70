using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Runs.Commands;

/// <summary>Poll a guard's check; report with GuardPolled.</summary>
public sealed record PollGuard(string GuardId, GuardCheck Check) : RunCommand;
