using System.Text;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>A thread-safe text sink that lets a test wait for a line to appear (a server writes from other threads).</summary>
internal sealed class CapturingWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(string Needle, TaskCompletionSource Signal)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
            if (value == '\n')
            {
                var text = _text.ToString();
                foreach (var waiter in _waiters.Where(w => text.Contains(w.Needle, StringComparison.Ordinal)).ToList())
                {
                    waiter.Signal.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    /// <summary>Completes once a written line contains <paramref name="needle"/>; throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(string needle, TimeSpan timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_text.ToString().Contains(needle, StringComparison.Ordinal))
            {
                return;
            }

            _waiters.Add((needle, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"'{needle}' was not written within {timeout}; output so far:\n{Text}");
        }
    }
}
