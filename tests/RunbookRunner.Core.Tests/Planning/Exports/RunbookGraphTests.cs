using System.Text.RegularExpressions;
using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Planning.Graph;
using RunbookRunner.Core.Tests.TestSupport;

namespace RunbookRunner.Core.Tests.Planning.Exports;

public sealed partial class RunbookGraphTests
{
    private static readonly Lazy<(Runbook Runbook, RunbookGraph Graph)> LaunchDay = new(() =>
    {
        var loaded = RunbookLoader.LoadFile(Path.Combine(Repository.Root, "runbooks", "launch-day.yaml"));
        var runbook = loaded.Runbook!;
        var plan = RunPlanner.Plan(runbook, new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.Zero), "production");
        return (runbook, RunbookGraph.Build(runbook, plan));
    });

    /// <summary>The edges the runbook implies, derived here from the YAML model independently of the graph builder.</summary>
    private static List<(string From, string To)> ExpectedEdges(Runbook runbook)
    {
        var edges = new List<(string, string)>();
        for (var i = 0; i < runbook.Steps.Count; i++)
        {
            var step = runbook.Steps[i];
            var after = step.After ?? (i == 0 ? [] : [runbook.Steps[i - 1].Id]);
            edges.AddRange(after.Select(a => ("step:" + a, "step:" + step.Id)));
            if (step.Undo is not null)
            {
                edges.Add(("step:" + step.Id, "undo:" + step.Id));
            }

            if (step.Kind == StepKind.Action && step.Approval is not null)
            {
                edges.Add(("approval:" + step.Id, "step:" + step.Id));
            }
        }

        // Rollback: undos newest first (launch-day's undo steps complete in runbook order), then the rollback steps.
        var sequence = runbook.Steps.Where(s => s.Undo is not null).Reverse().Select(s => "undo:" + s.Id)
            .Concat(runbook.Rollback.Select(s => "rollback:" + s.Id)).Prepend("rollback").ToList();
        edges.AddRange(sequence.Zip(sequence.Skip(1)));
        foreach (var guard in runbook.Guards)
        {
            edges.Add(("step:" + guard.From, "guard:" + guard.Id));
            if (guard.Then == GuardResponse.Rollback)
            {
                edges.Add(("guard:" + guard.Id, "rollback"));
            }
        }

        return edges;
    }

    [Fact]
    public void Build_LaunchDay_HasEveryStepAndEdge()
    {
        var (runbook, graph) = LaunchDay.Value;

        graph.Nodes.Select(n => n.Id).Should().Contain(runbook.Steps.Select(s => "step:" + s.Id))
            .And.Contain(runbook.Rollback.Select(s => "rollback:" + s.Id))
            .And.Contain(runbook.Guards.Select(g => "guard:" + g.Id));
        graph.Edges.Select(e => (e.From, e.To)).Should().BeEquivalentTo(ExpectedEdges(runbook));
    }

    [Fact]
    public void Mermaid_LaunchDay_DrawsEveryStepAndEdge()
    {
        var (runbook, graph) = LaunchDay.Value;

        var text = MermaidGraphWriter.Write(graph);

        text.Should().StartWith("flowchart TD\n");
        var labels = MermaidNode().Matches(text).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["name"].Value);
        var names = graph.Nodes.ToDictionary(n => MermaidGraphWriter.Id(n.Id), n => n.Id);
        labels.Keys.Should().BeEquivalentTo(names.Keys);
        labels.Values.Should().Contain(runbook.Steps.Select(s => s.Id)).And.Contain(runbook.Rollback.Select(s => s.Id));
        var edges = MermaidEdge().Matches(text).Select(m => (names[m.Groups["from"].Value], names[m.Groups["to"].Value])).ToList();
        edges.Should().BeEquivalentTo(ExpectedEdges(runbook));
        text.Should().Contain("-.->|undo|").And.Contain("-.->|watches|");
    }

    [Fact]
    public void Build_ActionWithApproval_DrawsTheGateBeforeIt()
    {
        const string yaml = """
            name: gated
            roles: { leads: [U01AAA] }
            steps:
              - id: deploy
                action: shell
                with: { run: ./deploy.sh }
                approval: { roles: [leads], timeout: 10m }
                undo: { action: shell, with: { run: ./undeploy.sh } }
            """;
        var runbook = RunbookLoader.Load(yaml, "gated.yaml").Runbook!;
        var graph = RunbookGraph.Build(runbook, RunPlanner.Plan(runbook, DateTimeOffset.UnixEpoch, null));

        graph.Edges.Should().Contain(new GraphEdge("approval:deploy", "step:deploy", GraphEdgeKind.Approval, "approves"));
        MermaidGraphWriter.Write(graph).Should().Contain("n_approval_cdeploy ==>|approves| n_step_cdeploy");
        DotGraphWriter.Write(graph).Should().Contain("\"approval:deploy\" -> \"step:deploy\" [label=\"approves\", style=bold];");
        graph.Edges.Should().Contain(new GraphEdge("rollback", "undo:deploy", GraphEdgeKind.Rollback, "first"));
    }

    [Fact]
    public void Build_LaunchDayApprovalsWithCountsPerRole_NameEachRolesCount()
    {
        var (_, graph) = LaunchDay.Value;

        graph.Nodes.Single(n => n.Id == "step:go-no-go").Detail.Should().StartWith("approval by 1 release-managers + 1 product at T-6h");
        graph.Nodes.Single(n => n.Id == "step:public-launch-approval").Detail.Should().StartWith("approval by 1 release-managers + 1 product");
    }

    [Fact]
    public void Dot_LaunchDay_DrawsEveryStepAndEdge()
    {
        var (runbook, graph) = LaunchDay.Value;

        var text = DotGraphWriter.Write(graph);

        text.Should().StartWith("digraph \"launch-day\" {\n").And.EndWith("}\n");
        foreach (var step in runbook.Steps)
        {
            text.Should().Contain($"\"step:{step.Id}\" [label=\"{step.Id}\\n");
        }

        var edges = DotEdge().Matches(text).Select(m => (m.Groups["from"].Value, m.Groups["to"].Value)).ToList();
        edges.Should().BeEquivalentTo(ExpectedEdges(runbook));
    }

    [Fact]
    public void Writers_EscapeQuotesInLabels()
    {
        var graph = new RunbookGraph("x", [new GraphNode("step:a", "a", "say \"hi\" <now>", GraphNodeKind.Action)], []);

        MermaidGraphWriter.Write(graph).Should().Contain("say #quot;hi#quot; #lt;now#gt;");
        DotGraphWriter.Write(graph).Should().Contain("say \\\"hi\\\" <now>");
    }

    [Fact]
    public void MermaidId_DistinctStepIds_NeverCollide()
    {
        string[] ids = ["step:a-b", "step:a_b", "step:a__b", "step:a_hb", "step:a--b"];

        ids.Select(MermaidGraphWriter.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(i => Regex.IsMatch(i, "^[A-Za-z0-9_]+$"));
    }

    [GeneratedRegex(@"^\s+(?<id>n_\w+)[\[\(\{/]+""(?<name>[^<""]+)<br/>", RegexOptions.Multiline)]
    private static partial Regex MermaidNode();

    [GeneratedRegex(@"^\s+(?<from>n_\w+) (-->|==>|-\.->)(\|[^|]*\|)? (?<to>n_\w+)$", RegexOptions.Multiline)]
    private static partial Regex MermaidEdge();

    [GeneratedRegex(@"^\s+""(?<from>[^""]+)"" -> ""(?<to>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex DotEdge();
}
