using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// Counts of one fault scenario (injections, outcomes), printed to the test output and appended to
/// <c>fault-report.md</c> beside the test assembly, which is where docs/RELIABILITY.md takes its numbers from.
/// </summary>
internal sealed class FaultReport(string scenario)
{
    private static readonly Lock s_fileLock = new();
    private readonly List<(string Name, string Value)> _counts = [];

    public void Add(string name, object value)
    {
        lock (_counts)
        {
            _counts.Add((name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        }
    }

    /// <summary>Writes the counts; returns the text.</summary>
    public string Write(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"### {scenario}");
        lock (_counts)
        {
            foreach (var (name, value) in _counts)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {value}");
            }
        }

        var result = text.ToString();
        output.WriteLine(result);
        lock (s_fileLock)
        {
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "fault-report.md"), result + Environment.NewLine);
        }

        return result;
    }
}
