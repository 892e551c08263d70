using RunbookRunner.Core.Runs.Inputs;

namespace RunbookRunner.Server.Runs;

/// <summary>
/// One command people may give a run: its name, whether it names a step, the policy (least role) it needs and the
/// engine input it becomes. The API and the dashboard both take commands from <see cref="RunCommandCatalog"/>.
/// </summary>
public sealed record RunCommandSpec(string Action, bool OnStep, string Policy, Func<string?, Actor, string?, RunInput> Input);
