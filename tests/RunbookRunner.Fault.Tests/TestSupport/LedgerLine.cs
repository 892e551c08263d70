namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>One execution of a shell step, as the step itself wrote it to the ledger file.</summary>
internal sealed record LedgerLine(string RunId, string StepId, int Attempt, string Node)
{
    /// <summary>Every complete line of the ledger (a torn last line, if any, is ignored).</summary>
    public static IReadOnlyList<LedgerLine> ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = new List<LedgerLine>();
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ');
            if (parts.Length == 4 && int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var attempt))
            {
                lines.Add(new LedgerLine(parts[0], parts[1], attempt, parts[3]));
            }
        }

        return lines;
    }
}
