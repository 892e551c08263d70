namespace RunbookRunner.Core.Planning;

/// <summary>Orders step ids so that every step comes after all of its dependencies.</summary>
internal static class DependencyOrder
{
    /// <summary>
    /// A topological order of <paramref name="ids"/> (runbook order among independent steps). Throws
    /// <see cref="InvalidOperationException"/> for an unknown dependency or a cycle: the validator reports both, so
    /// the planner only meets them when handed an unvalidated runbook.
    /// </summary>
    public static IReadOnlyList<string> Sort(IReadOnlyList<string> ids, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        var order = new List<string>(ids.Count);
        var path = new Stack<string>();

        foreach (var id in ids)
        {
            Visit(id);
        }

        return order;

        void Visit(string id)
        {
            if (state.TryGetValue(id, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(p => p != id).Append(id);
                    throw new InvalidOperationException($"Steps depend on each other in a cycle: {string.Join(" -> ", cycle)}. Validate the runbook first.");
                }

                return;
            }

            state[id] = false;
            path.Push(id);
            foreach (var dependency in dependencies[id])
            {
                if (!dependencies.ContainsKey(dependency))
                {
                    throw new InvalidOperationException($"Step '{id}' depends on unknown step '{dependency}'. Validate the runbook first.");
                }

                Visit(dependency);
            }

            path.Pop();
            state[id] = true;
            order.Add(id);
        }
    }
}
