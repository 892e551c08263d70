using System.Text;

namespace RunbookRunner.Core.Planning.Graph;

/// <summary>
/// Renders a <see cref="RunbookGraph"/> as a Mermaid flowchart (renders in GitHub Markdown inside a <c>```mermaid</c>
/// block). Node ids are escaped so different step ids never collide; labels are quoted.
/// </summary>
public static class MermaidGraphWriter
{
    public static string Write(RunbookGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder();
        text.Append("flowchart TD\n");
        foreach (var node in graph.Nodes.Where(n => !InRollback(n.Kind)))
        {
            text.Append("  ").Append(Node(node)).Append('\n');
        }

        var rollback = graph.Nodes.Where(n => InRollback(n.Kind)).ToList();
        if (rollback.Count > 0)
        {
            text.Append("  subgraph rollback_section [\"Rollback\"]\n");
            foreach (var node in rollback)
            {
                text.Append("    ").Append(Node(node)).Append('\n');
            }

            text.Append("  end\n");
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = edge.Kind switch
            {
                GraphEdgeKind.Dependency => "-->",
                GraphEdgeKind.Approval => "==>",
                _ => "-.->",
            };
            var label = edge.Label is null ? string.Empty : $"|{Label(edge.Label)}|";
            text.Append("  ").Append(Id(edge.From)).Append(' ').Append(arrow).Append(label).Append(' ').Append(Id(edge.To)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Mermaid ids take letters, digits and '_'; '_' itself is escaped so the mapping stays one to one.</summary>
    public static string Id(string nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var id = new StringBuilder("n_");
        foreach (var c in nodeId)
        {
            id.Append(c switch
            {
                '_' => "__",
                '-' => "_h",
                ':' => "_c",
                '.' => "_d",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => "_x" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return id.ToString();
    }

    private static bool InRollback(GraphNodeKind kind) => kind is GraphNodeKind.Undo or GraphNodeKind.RollbackStep or GraphNodeKind.RollbackStart;

    private static string Node(GraphNode node)
    {
        var label = $"\"{Label(node.Name)}<br/><small>{Label(node.Detail)}</small>\"";
        var (open, close) = node.Kind switch
        {
            GraphNodeKind.Approval or GraphNodeKind.ApprovalGate => ("{", "}"),
            GraphNodeKind.Manual => ("[/", "/]"),
            GraphNodeKind.Wait => ("([", "])"),
            GraphNodeKind.Undo => ("[[", "]]"),
            GraphNodeKind.RollbackStep => ("(", ")"),
            GraphNodeKind.RollbackStart => ("((", "))"),
            GraphNodeKind.Guard => ("{{", "}}"),
            _ => ("[", "]"),
        };
        return Id(node.Id) + open + label + close;
    }

    /// <summary>Mermaid labels take HTML entities; quotes and markup characters are escaped.</summary>
    private static string Label(string text) => text
        .Replace("&", "#amp;", StringComparison.Ordinal)
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("|", "#124;", StringComparison.Ordinal);
}
