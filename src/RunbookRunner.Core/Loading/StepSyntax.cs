using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Loading;

/// <summary>A bound step with the map it came from, so validation can point at any of its keys.</summary>
internal sealed record StepSyntax(Step Step, MapValue Node, bool InRollback);
