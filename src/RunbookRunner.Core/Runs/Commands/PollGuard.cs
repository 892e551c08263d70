using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Runs.Commands;

/// <summary>Poll a guard's check for the grid point <paramref name="Slot"/>; report with GuardPolled.</summary>
public sealed record PollGuard(string GuardId, GuardCheck Check, DateTimeOffset Slot) : RunCommand;
