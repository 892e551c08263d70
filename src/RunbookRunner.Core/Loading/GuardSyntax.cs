using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Loading;

/// <summary>A bound guard with the map it came from.</summary>
internal sealed record GuardSyntax(Guard Guard, MapValue Node);
