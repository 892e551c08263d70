using System.Text;

namespace RunbookRunner.Actions.Processes;

/// <summary>
/// Reads lines from a process stream as they arrive, splitting overlong lines so a program that prints
/// megabytes without a newline cannot exhaust memory.
/// </summary>
internal static class LineReader
{
    public static async Task ReadLinesAsync(TextReader reader, int maxLineChars, Action<string> onLine, CancellationToken cancellationToken = default)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        while (true)
        {
            var read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    Emit(line, onLine);
                }
                else
                {
                    line.Append(c);
                    if (line.Length >= maxLineChars)
                    {
                        Emit(line, onLine);
                    }
                }
            }
        }

        if (line.Length > 0)
        {
            Emit(line, onLine);
        }
    }

    private static void Emit(StringBuilder line, Action<string> onLine)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        onLine(line.ToString());
        line.Clear();
    }
}
