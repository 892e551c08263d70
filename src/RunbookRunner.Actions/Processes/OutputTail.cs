using System.Text;

namespace RunbookRunner.Actions.Processes;

/// <summary>Keeps the last <c>limit</c> characters of a stream of lines; remembers whether anything was dropped.</summary>
internal sealed class OutputTail
{
    private readonly int _limit;
    private readonly StringBuilder _buffer = new();
    private readonly object _gate = new();

    public OutputTail(int limit) => _limit = limit;

    public bool Truncated { get; private set; }

    public void AppendLine(string line)
    {
        lock (_gate)
        {
            _buffer.Append(line).Append('\n');

            // Trim only when twice over the limit so appends stay amortised O(1).
            if (_buffer.Length > _limit * 2)
            {
                _buffer.Remove(0, _buffer.Length - _limit);
                Truncated = true;
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            if (_buffer.Length > _limit)
            {
                Truncated = true;
                return _buffer.ToString(_buffer.Length - _limit, _limit);
            }

            return _buffer.ToString();
        }
    }
}
