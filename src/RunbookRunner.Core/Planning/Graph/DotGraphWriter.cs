using System.Text;

namespace RunbookRunner.Core.Planning.Graph;

/// <summary>Renders a <see cref="RunbookGraph"/> in Graphviz DOT (<c>dot -Tsvg</c>); ids are the graph's node ids, quoted.</summary>
public static class DotGraphWriter
{
    public static string Write(RunbookGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder();
        text.Append("digraph ").Append(Quote(graph.Name)).Append(" {\n");
        text.Append("  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var node in graph.Nodes.Where(n => !InRollback(n.Kind)))
        {
            text.Append("  ").Append(Node(node)).Append('\n');
        }

        var rollback = graph.Nodes.Where(n => InRollback(n.Kind)).ToList();
        if (rollback.Count > 0)
        {
            text.Append("  subgraph cluster_rollback {\n    label=\"Rollback\";\n    style=dashed;\n");
            foreach (var node in rollback)
            {
                text.Append("    ").Append(Node(node)).Append('\n');
            }

            text.Append("  }\n");
        }

        foreach (var edge in graph.Edges)
        {
            var attributes = new List<string>();
            if (edge.Label is not null)
            {
                attributes.Add("label=" + Quote(edge.Label));
            }

            attributes.Add(edge.Kind switch
            {
                GraphEdgeKind.Dependency => "style=solid",
                GraphEdgeKind.Approval => "style=bold",
                GraphEdgeKind.Undo => "style=dashed, color=\"#b35900\"",
                GraphEdgeKind.Rollback => "style=dashed, color=\"#b30000\"",
                _ => "style=dotted",
            });
            text.Append("  ").Append(Quote(edge.From)).Append(" -> ").Append(Quote(edge.To))
                .Append(" [").Append(string.Join(", ", attributes)).Append("];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>A DOT quoted string: backslashes and quotes escaped, newlines as <c>\n</c>.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings("\\n") + "\"";
    }

    private static bool InRollback(GraphNodeKind kind) => kind is GraphNodeKind.Undo or GraphNodeKind.RollbackStep or GraphNodeKind.RollbackStart;

    private static string Node(GraphNode node)
    {
        var shape = node.Kind switch
        {
            GraphNodeKind.Approval or GraphNodeKind.ApprovalGate => "diamond",
            GraphNodeKind.Manual => "parallelogram",
            GraphNodeKind.Wait => "ellipse",
            GraphNodeKind.Undo => "box3d",
            GraphNodeKind.RollbackStart => "doublecircle",
            GraphNodeKind.Guard => "hexagon",
            _ => "box",
        };
        return $"{Quote(node.Id)} [label={Quote(node.Name + "\n" + node.Detail)}, shape={shape}];";
    }
}
