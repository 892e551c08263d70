namespace RunbookRunner.Core.Planning.Graph;

/// <summary>A node: <see cref="Id"/> is <c>step:ID</c>, <c>approval:ID</c>, <c>undo:ID</c>, <c>rollback:ID</c>, <c>guard:ID</c> or <c>rollback</c>.</summary>
public sealed record GraphNode(string Id, string Name, string Detail, GraphNodeKind Kind);
