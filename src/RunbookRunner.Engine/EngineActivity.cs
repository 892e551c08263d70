namespace RunbookRunner.Engine;

/// <summary>
/// Counts background work in flight on this node (action attempts, probes, fired wakes) so a driver
/// can wait until the engine is quiet before it moves a virtual clock.
/// </summary>
public sealed class EngineActivity
{
    private readonly Lock _gate = new();
    private int _count;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Enter()
    {
        lock (_gate)
        {
            if (_count++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            if (--_count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>Completes when nothing is in flight.</summary>
    public Task WaitIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            tcs.SetResult();
        }

        return tcs;
    }
}
