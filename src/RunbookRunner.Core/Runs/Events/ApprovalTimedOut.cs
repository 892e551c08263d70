using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Runs.Events;

/// <summary>The approval timeout passed; <paramref name="Policy"/> applies.</summary>
public sealed record ApprovalTimedOut(string Target, TimeoutPolicy Policy) : RunEvent;
