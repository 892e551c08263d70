namespace RunbookRunner.Cli.Output;

/// <summary>A plain-text table: columns padded to their widest cell, two spaces apart, no trailing blanks.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row has {cells.Length} cells but the table has {headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void Write(TextWriter writer, string indent = "")
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in _rows.Prepend(headers))
        {
            var line = string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i])));
            writer.WriteLine((indent + line).TrimEnd());
        }
    }
}
