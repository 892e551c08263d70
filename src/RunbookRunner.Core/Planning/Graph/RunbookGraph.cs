using RunbookRunner.Core.Model;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Planning.Graph;

/// <summary>
/// A runbook as a graph: steps and their dependencies, approval gates, undo actions, the rollback sequence
/// (undos in reverse planned completion order, then the rollback steps) and guards. Rendered by
/// <see cref="MermaidGraphWriter"/> and <see cref="DotGraphWriter"/>.
/// </summary>
public sealed record RunbookGraph(string Name, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public const string RollbackStartId = "rollback";

    /// <summary>Builds the graph of <paramref name="runbook"/>; <paramref name="plan"/> gives the rollback order.</summary>
    public static RunbookGraph Build(Runbook runbook, RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        ArgumentNullException.ThrowIfNull(plan);
        var nodes = new List<GraphNode>();
        var edges = new List<GraphEdge>();
        foreach (var step in runbook.Steps)
        {
            var id = StepId(step.Id);
            nodes.Add(new GraphNode(id, step.Id, Detail(step), KindOf(step.Kind)));
            foreach (var dependency in runbook.DependenciesOf(step))
            {
                edges.Add(new GraphEdge(StepId(dependency), id, GraphEdgeKind.Dependency));
            }

            if (step.Kind == StepKind.Action && step.Approval is { } approval)
            {
                var gate = "approval:" + step.Id;
                nodes.Add(new GraphNode(gate, "approve " + step.Id, Approvers(approval), GraphNodeKind.ApprovalGate));
                edges.Add(new GraphEdge(gate, id, GraphEdgeKind.Approval, "approves"));
            }

            if (step.Undo is { } undo)
            {
                nodes.Add(new GraphNode(UndoId(step.Id), "undo " + step.Id, undo.Type, GraphNodeKind.Undo));
                edges.Add(new GraphEdge(id, UndoId(step.Id), GraphEdgeKind.Undo, "undo"));
            }
        }

        foreach (var step in runbook.Rollback)
        {
            nodes.Add(new GraphNode(RollbackId(step.Id), step.Id, Detail(step), GraphNodeKind.RollbackStep));
        }

        var sequence = plan.Rollback
            .Select(c => c.Source == CompensationSource.Undo ? UndoId(c.Id) : RollbackId(c.Id))
            .Where(n => nodes.Any(x => x.Id == n))
            .ToList();
        if (sequence.Count > 0 || runbook.Guards.Count > 0)
        {
            nodes.Add(new GraphNode(RollbackStartId, "rollback", "undo newest first, then rollback steps", GraphNodeKind.RollbackStart));
            var previous = RollbackStartId;
            foreach (var next in sequence)
            {
                edges.Add(new GraphEdge(previous, next, GraphEdgeKind.Rollback, previous == RollbackStartId ? "first" : "then"));
                previous = next;
            }
        }

        foreach (var guard in runbook.Guards)
        {
            var id = "guard:" + guard.Id;
            var window = guard.Until is { } until ? $"until {until}" : "until the run ends";
            nodes.Add(new GraphNode(id, guard.Id, $"guard every {Durations.Format(guard.Every)}, {window}", GraphNodeKind.Guard));
            edges.Add(new GraphEdge(StepId(guard.From), id, GraphEdgeKind.Guard, "watches"));
            if (guard.Then == GuardResponse.Rollback)
            {
                edges.Add(new GraphEdge(id, RollbackStartId, GraphEdgeKind.Guard, "trips"));
            }
        }

        return new RunbookGraph(runbook.Name, nodes, edges);
    }

    private static string StepId(string id) => "step:" + id;

    private static string UndoId(string id) => "undo:" + id;

    private static string RollbackId(string id) => "rollback:" + id;

    private static GraphNodeKind KindOf(StepKind kind) => kind switch
    {
        StepKind.Approval => GraphNodeKind.Approval,
        StepKind.Manual => GraphNodeKind.Manual,
        StepKind.Wait => GraphNodeKind.Wait,
        _ => GraphNodeKind.Action,
    };

    private static string Detail(Step step)
    {
        var what = step.Kind switch
        {
            StepKind.Action => step.Action?.Type ?? "action",
            StepKind.Approval => step.Approval is { } approval ? "approval by " + Approvers(approval) : "approval",
            StepKind.Manual => "manual",
            StepKind.Wait => step.Wait is { } wait ? "wait " + Durations.Format(wait) : "wait",
            _ => step.Kind.ToString(),
        };
        var at = step.At is { } anchor ? $" at {anchor}" : string.Empty;
        var every = step.Every is { } interval ? $" every {Durations.Format(interval)}" : string.Empty;
        return what + at + every;
    }

    private static string Approvers(ApprovalSpec approval) =>
        approval.Quotas.Count > 0
            ? string.Join(" + ", approval.Quotas.Select(q => $"{q.Count} {q.Role}"))
            : (approval.Required > 1 ? $"{approval.Required} of " : string.Empty) + string.Join(", ", approval.Roles);
}
