using RunbookRunner.Core.Execution;

namespace RunbookRunner.Actions.Tests.TestSupport;

/// <summary>Keeps every log line and lets a test wait for a line to appear.</summary>
internal sealed class RecordingLog : IStepLog
{
    private readonly object _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Signal)> _waiters = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.ToList();
            }
        }
    }

    public string Text => string.Join('\n', Lines);

    public void Write(string line)
    {
        lock (_gate)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Signal.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }

    public Task<string> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var signal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _lines.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((match, signal));
        }

        return signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }
}
