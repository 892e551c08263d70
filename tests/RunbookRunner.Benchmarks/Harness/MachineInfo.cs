using System.Globalization;

namespace RunbookRunner.Benchmarks.Harness;

/// <summary>What the figures were measured on, including how busy the machine was.</summary>
internal sealed record MachineInfo(string Os, int Cores, string Cpu, string Runtime, string LoadAverageAtStart, string LoadAverageAtEnd, DateTimeOffset MeasuredAt)
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static MachineInfo Describe(string loadAtStart, TimeProvider time)
    {
        var cpu = "unknown";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        return new MachineInfo(
            System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            Environment.ProcessorCount,
            cpu,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            loadAtStart,
            LoadAverage(),
            time.GetUtcNow());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Os}, {Cores} cores ({Cpu}), {Runtime}, load average {LoadAverageAtStart} at start, {LoadAverageAtEnd} at end");
}
