using System.Globalization;
using System.Text;

namespace RunbookRunner.Benchmarks.Scenarios;

/// <summary>The runbooks the driver starts: each isolates one figure.</summary>
internal static class BenchRunbooks
{
    public const string Approver = "U-BENCH";

    /// <summary>Independent empty steps anchored at T+first, T+first+spacing, ...: each start is a timed wake.</summary>
    public static string Timed(int steps, int firstSecond, int spacingSeconds)
    {
        var yaml = new StringBuilder("name: bench-lateness\nsteps:\n");
        for (var i = 0; i < steps; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: t{i}\n    at: T+{firstSecond + (i * spacingSeconds)}s\n    after: []\n    wait: 0s\n");
        }

        return yaml.ToString();
    }

    /// <summary>An approval, then an empty step whose start is what the approver waits for.</summary>
    public static string Approval() => $"""
        name: bench-approval
        channel: C-BENCH
        roles: {"{"} approvers: [{Approver}] {"}"}
        steps:
          - id: go
            approval: {"{"} roles: [approvers] {"}"}
          - id: next
            wait: 0s
        """ + "\n";

    /// <summary>A run of <paramref name="steps"/> empty steps in sequence.</summary>
    public static string Empty(int steps, string name = "bench-empty", string? channel = null)
    {
        var yaml = new StringBuilder().Append(CultureInfo.InvariantCulture, $"name: {name}\n");
        if (channel is not null)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"channel: {channel}\n");
        }

        yaml.Append("steps:\n");
        for (var i = 0; i < steps; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: e{i}\n    wait: 0s\n");
        }

        return yaml.ToString();
    }

    public static TimeSpan OffsetOf(string stepId, int firstSecond, int spacingSeconds) =>
        TimeSpan.FromSeconds(firstSecond + (int.Parse(stepId[1..], CultureInfo.InvariantCulture) * spacingSeconds));
}
