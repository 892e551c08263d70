namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>Several <c>runbook serve</c> nodes on one store, started side by side; disposing kills those still up.</summary>
internal sealed class ClusterNodes : IAsyncDisposable
{
    private readonly List<ServeNode> _nodes;

    private ClusterNodes(List<ServeNode> nodes) => _nodes = nodes;

    public IReadOnlyList<ServeNode> Nodes => _nodes;

    /// <summary>
    /// Engine settings that make a dead node noticed within seconds (heartbeat every second, lease 8 s, sweep every
    /// second): the defaults (5 s, 20 s, 10 s) suit production, not a CI budget. The lease stays well above the
    /// heartbeat so that a node slowed down by a loaded machine is not taken for dead.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FastFailover { get; } = new Dictionary<string, string>
    {
        ["Runbook__HeartbeatInterval"] = "00:00:01",
        ["Runbook__NodeTimeout"] = "00:00:08",
        ["Runbook__OrphanSweepInterval"] = "00:00:01",
    };

    public static async Task<ClusterNodes> StartAsync(string store, string workDirectory, params string[] nodeIds)
    {
        var starting = nodeIds.Select(id => ServeNode.StartAsync(store, id, workDirectory, FastFailover)).ToList();
        try
        {
            return new ClusterNodes([.. await Task.WhenAll(starting)]);
        }
        catch
        {
            foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await task.Result.DisposeAsync();
            }

            throw;
        }
    }

    public ServeNode this[string nodeId] => _nodes.Single(n => n.NodeId == nodeId);

    public IEnumerable<ServeNode> Alive => _nodes.Where(n => !n.HasExited);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
