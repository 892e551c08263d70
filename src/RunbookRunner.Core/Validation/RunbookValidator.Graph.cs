using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Validation;

/// <summary>Dependencies between steps: unknown names, cycles, and anchors that contradict dependencies.</summary>
internal sealed partial class RunbookValidator
{
    private const int MaxCyclesReported = 20;

    /// <summary>For each main step (by position), the positions of the steps it waits for.</summary>
    private List<int>[] dependencies = [];

    private void CheckDependencies()
    {
        var steps = bound.Steps;
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            indexOf.TryAdd(steps[i].Step.Id, i);
        }

        dependencies = new List<int>[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            dependencies[i] = [];
            if (s.Step.After is null)
            {
                if (i > 0)
                {
                    dependencies[i].Add(i - 1);
                }

                continue;
            }

            foreach (var name in ScalarsOf(s.Node["after"]))
            {
                if (indexOf.TryGetValue(name.Text, out var target))
                {
                    dependencies[i].Add(target);
                    continue;
                }

                var hint = stepsById.ContainsKey(name.Text) ? "; rollback steps cannot be waited for"
                    : bound.Guards.Any(g => g.Guard.Id == name.Text) ? "; that is a guard, not a step"
                    : Suggestions.DidYouMean(name.Text, indexOf.Keys);
                bag.Error(DiagnosticCodes.UnknownDependency, name.Location,
                    $"step '{s.Step.Id}' comes after '{RunbookBinder.Shorten(name.Text)}', which is not a step{hint}");
            }
        }

        FindCycles();
    }

    private void FindCycles()
    {
        foreach (var cycle in GraphCycles.Find(dependencies, MaxCyclesReported))
        {
            // The graph holds "waits for" edges; people read cycles in running order, so reverse.
            cycle.Reverse();
            var first = cycle.IndexOf(cycle.Min());
            var ordered = cycle.Skip(first).Concat(cycle.Take(first)).ToList();
            var names = ordered.Select(i => bound.Steps[i].Step.Id).ToList();
            var at = ordered.Select(i => bound.Steps[i]).FirstOrDefault(s => s.Node.ContainsKey("after")) ?? bound.Steps[ordered[0]];
            var location = at.Node["after"]?.Location ?? at.Node.Location;
            bag.Error(DiagnosticCodes.DependencyCycle, location,
                $"dependency cycle: {string.Join(" -> ", names.Append(names[0]))}; none of these steps can ever start");
        }
    }

    /// <summary>A step must not be anchored before a step it (transitively) waits for.</summary>
    private void CheckAnchors()
    {
        var steps = bound.Steps;
        var order = TopologicalOrder();
        var latest = new (TimeAnchor Anchor, int Step)?[steps.Count];
        foreach (var i in order)
        {
            (TimeAnchor Anchor, int Step)? best = null;
            foreach (var d in dependencies[i])
            {
                if (steps[d].Step.At is { } own && (best is null || own > best.Value.Anchor))
                {
                    best = (own, d);
                }

                if (latest[d] is { } upstream && (best is null || upstream.Anchor > best.Value.Anchor))
                {
                    best = upstream;
                }
            }

            latest[i] = best;
            if (steps[i].Step.At is { } at && best is { } later && later.Anchor > at)
            {
                var other = steps[later.Step].Step;
                bag.Error(DiagnosticCodes.AnchorBeforeDependency, ValueLocation(steps[i].Node, "at"),
                    $"step '{steps[i].Step.Id}' is anchored at {at}, earlier than step '{other.Id}' ({later.Anchor}) that it waits for; move 'at' later or change 'after'");
            }
        }
    }

    /// <summary>Steps in an order where dependencies come first; steps in or behind a cycle are left out.</summary>
    private List<int> TopologicalOrder()
    {
        var count = bound.Steps.Count;
        var waiting = new int[count];
        var dependents = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            dependents[i] = [];
        }

        for (var i = 0; i < count; i++)
        {
            foreach (var d in dependencies[i].Distinct())
            {
                waiting[i]++;
                dependents[d].Add(i);
            }
        }

        var ready = new Queue<int>(Enumerable.Range(0, count).Where(i => waiting[i] == 0));
        var order = new List<int>(count);
        while (ready.TryDequeue(out var i))
        {
            order.Add(i);
            foreach (var next in dependents[i])
            {
                if (--waiting[next] == 0)
                {
                    ready.Enqueue(next);
                }
            }
        }

        return order;
    }

    /// <summary>True when main step <paramref name="ancestor"/> surely finished before main step <paramref name="step"/> starts.</summary>
    private bool DependsOn(int step, int ancestor)
    {
        var seen = new HashSet<int>();
        var todo = new Stack<int>(dependencies[step]);
        while (todo.TryPop(out var current))
        {
            if (current == ancestor)
            {
                return true;
            }

            if (seen.Add(current))
            {
                foreach (var d in dependencies[current])
                {
                    todo.Push(d);
                }
            }
        }

        return false;
    }
}
