namespace RunbookRunner.Core.Validation;

/// <summary>Finds distinct cycles in a small directed graph without recursion (inputs may be long chains).</summary>
internal static class GraphCycles
{
    /// <summary>
    /// Up to <paramref name="max"/> distinct cycles, each as the nodes along the edges, starting at its smallest
    /// node (so the same cycle found twice is reported once).
    /// </summary>
    public static List<List<int>> Find(IReadOnlyList<IReadOnlyList<int>> edges, int max)
    {
        var found = new List<List<int>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var color = new byte[edges.Count]; // 0 new, 1 on the stack, 2 done
        var stack = new List<(int Node, int Edge)>();
        for (var start = 0; start < edges.Count && found.Count < max; start++)
        {
            if (color[start] != 0)
            {
                continue;
            }

            stack.Add((start, 0));
            color[start] = 1;
            while (stack.Count > 0)
            {
                var (node, edge) = stack[^1];
                if (edge >= edges[node].Count)
                {
                    color[node] = 2;
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                stack[^1] = (node, edge + 1);
                var next = edges[node][edge];
                if (color[next] == 0)
                {
                    color[next] = 1;
                    stack.Add((next, 0));
                }
                else if (color[next] == 1 && found.Count < max)
                {
                    var members = stack.Skip(stack.FindLastIndex(f => f.Node == next)).Select(f => f.Node).ToList();
                    var first = members.IndexOf(members.Min());
                    var rotated = members.Skip(first).Concat(members.Take(first)).ToList();
                    if (keys.Add(string.Join(',', rotated)))
                    {
                        found.Add(rotated);
                    }
                }
            }
        }

        return found;
    }
}
