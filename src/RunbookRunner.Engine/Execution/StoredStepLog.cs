using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Expressions;

namespace RunbookRunner.Engine.Execution;

/// <summary>
/// Collects an attempt's log lines, redacted and capped, and stores them in batches; the tail is kept
/// for the narration excerpt.
/// </summary>
internal sealed class StoredStepLog(SecretRedactor redactor, int maxLines) : IStepLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _pending = [];
    private readonly Queue<string> _tail = new();
    private int _count;

    public event Action<string>? LineWritten;

    public int Dropped { get; private set; }

    public void Write(string line)
    {
        var clean = redactor.Redact(line ?? string.Empty);
        lock (_gate)
        {
            if (_count >= maxLines)
            {
                Dropped++;
                return;
            }

            _count++;
            _pending.Add(clean);
            _tail.Enqueue(clean);
            if (_tail.Count > 5)
            {
                _tail.Dequeue();
            }
        }

        LineWritten?.Invoke(clean);
    }

    /// <summary>Lines not yet stored; the caller stores them.</summary>
    public IReadOnlyList<string> TakePending()
    {
        lock (_gate)
        {
            var lines = _pending.ToList();
            _pending.Clear();
            return lines;
        }
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _tail);
        }
    }
}
