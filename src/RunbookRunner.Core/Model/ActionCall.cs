namespace RunbookRunner.Core.Model;

/// <summary>A call of a built-in action (<c>shell</c>, <c>http</c>, <c>github.deployment</c>, ...) with its parameters.</summary>
public sealed record ActionCall(string Type, MapValue With, SourceLocation Location);
