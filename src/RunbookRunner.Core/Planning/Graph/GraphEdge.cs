namespace RunbookRunner.Core.Planning.Graph;

/// <summary>A directed edge between two <see cref="GraphNode.Id"/>s, with an optional label.</summary>
public sealed record GraphEdge(string From, string To, GraphEdgeKind Kind, string? Label = null);
